using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Tests.Infrastructure;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models.Backbones;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ResNet1dTests
{
    [Fact]
    public void Should_Return_Only_The_Requested_Stages()
    {
        using var scope = NewDisposeScope();
        using var backbone = new ResNet1d(18, new ResNetOptions { OutIndices = [1, 3] });
        backbone.eval();

        BackboneFeatures features;
        using (no_grad()) features = backbone.call(randn(1, 1, 2500));

        Assert.Equal(new[] { 128, 512 }, backbone.OutChannels);
        Assert.Equal(new[] { 313L, 79L }, features.Stages.Select(s => s.shape[2]));
        Assert.Equal(64, backbone.StemChannels);
    }

    [Fact]
    public void Should_Accept_Several_Leads_And_Fewer_Stages()
    {
        using var scope = NewDisposeScope();
        using var backbone = new ResNet1d(18, new ResNetOptions
        {
            NumLeads = 12, NumStages = 2, OutIndices = [0, 1], Strides = [1, 2], Dilations = [1, 1],
        });
        backbone.eval();

        BackboneFeatures features;
        using (no_grad()) features = backbone.call(randn(2, 12, 1000));

        Assert.Equal(new long[] { 2, 128, 125 }, features.Stages[^1].shape);
        Assert.DoesNotContain(backbone.state_dict().Keys, k => k.StartsWith("layer3", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Initialise_Convolutions_With_Fan_Out_Normal_And_Norms_With_Unit_Scale()
    {
        random.manual_seed(0);
        using var backbone = new ResNet1d(18, new ResNetOptions());
        var state = backbone.state_dict();

        // std = sqrt(2 / (k · out)): layer4 conv2 has k 3, out 512 → 0.0361; 1.18M samples pin it to < 1 %.
        double std = state["layer4.1.conv2.weight"].std().item<float>();
        double downsampleStd = state["layer2.0.downsample.0.weight"].std().item<float>();

        Assert.InRange(std, 0.99 * Math.Sqrt(2.0 / (3 * 512)), 1.01 * Math.Sqrt(2.0 / (3 * 512)));
        Assert.InRange(downsampleStd, 0.95 * Math.Sqrt(2.0 / 128), 1.05 * Math.Sqrt(2.0 / 128));
        Assert.Equal(1f, state["layer1.0.bn2.weight"].min().item<float>());
        Assert.Equal(0f, state["layer1.0.bn2.bias"].abs().max().item<float>());
    }

    [Fact]
    public void Should_Zero_The_Last_Norm_Of_Each_Block_When_Zero_Init_Residual()
    {
        using var backbone = new ResNet1d(18, new ResNetOptions { ZeroInitResidual = true });
        var state = backbone.state_dict();

        Assert.Equal(0f, state["layer3.1.bn2.weight"].abs().max().item<float>());
        Assert.Equal(1f, state["layer3.1.bn1.weight"].min().item<float>());
    }

    [Theory]
    [InlineData("deep_stem")]
    [InlineData("avg_down")]
    [InlineData("dilations")]
    [InlineData("frozen_stages")]
    [InlineData("strides")]
    [InlineData("out_indices")]
    public void Should_Reject_Unsupported_Options_Naming_The_Field(string field)
    {
        var options = field switch
        {
            "deep_stem" => new ResNetOptions { DeepStem = true },
            "avg_down" => new ResNetOptions { AvgDown = true },
            "dilations" => new ResNetOptions { Dilations = [1, 1, 2, 4] },
            "frozen_stages" => new ResNetOptions { FrozenStages = 1 },
            "strides" => new ResNetOptions { Strides = [1, 2, 2] },
            "out_indices" => new ResNetOptions { OutIndices = [0, 4] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var error = Assert.Throws<ArgumentException>(() => new ResNet1d(18, options));

        Assert.Contains($"'{field}'", error.Message);
    }

    [Fact]
    public void Should_Reject_An_Unsupported_Depth()
    {
        var error = Assert.Throws<ArgumentException>(() => new ResNet1d(50, new ResNetOptions()));

        Assert.Contains("18, 34", error.Message);
    }

    [Fact]
    public void Should_Reject_Input_Without_A_Lead_Axis_Or_With_The_Wrong_Lead_Count()
    {
        using var scope = NewDisposeScope();
        using var backbone = new ResNet1d(18, new ResNetOptions());

        var noLeadAxis = Assert.Throws<ArgumentException>(() => backbone.call(randn(2, 2500)));
        var twelveLeads = Assert.Throws<ArgumentException>(() => backbone.call(randn(2, 12, 2500)));

        Assert.Contains("(B, 1 leads, T); got (2, 2500)", noLeadAxis.Message);
        Assert.Contains("got (2, 12, 2500)", twelveLeads.Message);
    }

    [Fact]
    public void Should_Use_A_Projection_Shortcut_Only_Where_Width_Or_Stride_Changes()
    {
        using var backbone = new ResNet1d(18, new ResNetOptions());

        var shortcuts = backbone.named_modules().Where(m => m.name.EndsWith("downsample", StringComparison.Ordinal)).Select(m => m.name);

        Assert.Equal(["layer2.0.downsample", "layer3.0.downsample", "layer4.0.downsample"], shortcuts);
        Assert.All(backbone.modules().OfType<Conv1d>(), c => Assert.Null(c.bias));
    }
}
