using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models.Heads;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class FcnHeadTests
{
    private static BackboneFeatures Features(params Tensor[] stages) => new(stages, null);

    [Fact]
    public void Should_Have_The_Reference_Layout_And_Parameter_Count()
    {
        using var head = new FcnHead(new FcnHeadOptions());

        var keys = StateDictOrder.PyTorchOrdered(head).Select(e => e.Key).ToList();

        Assert.Equal(197_380, head.parameters().Sum(p => p.numel()));
        Assert.Equal(
            ["convs.0.0.weight", "convs.0.1.weight", "convs.0.1.bias", "convs.0.1.running_mean", "convs.0.1.running_var",
             "convs.0.1.num_batches_tracked", "cls_seg.weight", "cls_seg.bias"],
            keys);
    }

    [Fact]
    public void Should_Have_74500_Parameters_For_The_Vit_Width()
    {
        using var head = new FcnHead(new FcnHeadOptions { InChannels = 192 });

        Assert.Equal(74_500, head.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Should_Read_The_Level_Named_By_In_Index()
    {
        using var scope = NewDisposeScope();
        using var head = new FcnHead(new FcnHeadOptions { InChannels = 16, Channels = 8, InIndex = 1 });
        head.eval();

        Tensor logits;
        using (no_grad()) logits = head.call(Features(randn(2, 4, 50), randn(2, 16, 25)));

        Assert.Equal(new long[] { 2, 4, 25 }, logits.shape);
        Assert.Equal([1], head.InputLevels);
    }

    [Fact]
    public void Should_Fail_Clearly_When_The_Level_Is_Missing()
    {
        using var scope = NewDisposeScope();
        using var head = new FcnHead(new FcnHeadOptions { InChannels = 16, Channels = 8, InIndex = 3 });

        var error = Assert.Throws<ArgumentException>(() => head.call(Features(randn(1, 16, 10))));

        Assert.Contains("level 3", error.Message);
    }

    [Fact]
    public void Should_Fuse_The_Input_With_Conv_Cat_When_Concat_Input()
    {
        using var scope = NewDisposeScope();
        using var head = new FcnHead(new FcnHeadOptions { InChannels = 16, Channels = 8, InIndex = 0, NumConvs = 2, ConcatInput = true });
        head.eval();

        Tensor logits;
        using (no_grad()) logits = head.call(Features(randn(2, 16, 30)));

        Assert.Equal(new long[] { 2, 4, 30 }, logits.shape);
        Assert.Contains("convs.1.0.weight", head.state_dict().Keys);
        Assert.Equal(new long[] { 8, 24, 3 }, head.state_dict()["conv_cat.0.weight"].shape);
    }

    [Fact]
    public void Should_Apply_The_Dropout_Override_Only_In_Training()
    {
        using var scope = NewDisposeScope();
        using var head = new FcnHead(new FcnHeadOptions { InChannels = 8, Channels = 8, InIndex = 0, NumConvs = 0 });
        var features = Features(randn(1, 8, 20));
        head.DropoutOverride = x => zeros_like(x);

        head.train();
        var trainLogits = head.call(features);
        head.eval();
        var evalLogits = head.call(features);

        // With every classifier input zeroed, the logits are just the classifier bias.
        var bias = head.state_dict()["cls_seg.bias"].reshape(1, 4, 1).expand(1, 4, 20);
        Assert.Equal(0f, (trainLogits - bias).abs().max().item<float>());
        Assert.True((evalLogits - bias).abs().max().item<float>() > 1e-3f);
    }

    [Theory]
    [InlineData(0, 16, 8, 3, "num_convs")]
    [InlineData(1, 16, 8, 4, "kernel_size")]
    [InlineData(1, 0, 8, 3, "in_channels")]
    public void Should_Reject_Inconsistent_Options_Naming_The_Field(int numConvs, int inChannels, int channels, int kernelSize, string field)
    {
        var options = new FcnHeadOptions { NumConvs = numConvs, InChannels = inChannels, Channels = channels, KernelSize = kernelSize };

        var error = Assert.Throws<ArgumentException>(() => new FcnHead(options));

        Assert.Contains($"'{field}'", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Dropout_Ratio_Outside_Zero_To_One()
    {
        var error = Assert.Throws<ArgumentException>(() => new FcnHead(new FcnHeadOptions { DropoutRatio = 1.0 }));

        Assert.Contains("'dropout_ratio'", error.Message);
    }
}
