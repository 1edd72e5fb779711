using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Tests.Models.Heads;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class UNetHeadTests
{
    /// <summary>The ViT-Tiny-1D layout: four 192-wide levels at 1/25, no stem, concatenated, 100 → 1600 in four ×2 steps.</summary>
    private static readonly UNetHeadOptions SingleScaleOptions = new()
    {
        InChannels = [192, 192, 192, 192],
        StemChannels = null,
        LevelFusion = UNetLevelFusion.Concat,
        ProgressiveSteps = 4,
        InputSkip = true,
    };

    private static EncoderDecoder ResNet18UNet(UNetHeadOptions options, bool useLatentProjection = false) =>
        ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions(), "UNetHead", options,
            UseLatentProjection: useLatentProjection, ProjectionInDim: 512));

    private static EncoderDecoder SingleScaleUNet(UNetHeadOptions options, bool useLatentProjection = false) =>
        new(new SingleScaleTestBackbone(), new UNetHead(options), useLatentProjection ? new LatentProjection(192, 128) : null);

    private static EncoderDecoder Build(string kind) => kind switch
    {
        "resnet" => ResNet18UNet(new UNetHeadOptions()),
        "resnet-input-skip" => ResNet18UNet(new UNetHeadOptions { InputSkip = true }),
        "resnet-add" => ResNet18UNet(new UNetHeadOptions { SkipMode = UNetSkipMode.Add }),
        "single-scale" => SingleScaleUNet(SingleScaleOptions),
        "single-scale-sum" => SingleScaleUNet(SingleScaleOptions with { LevelFusion = UNetLevelFusion.Sum, InputSkip = false }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown test model"),
    };

    [Fact]
    public void Should_Have_Readable_Keys_And_The_Hand_Counted_Parameters_For_ResNet18()
    {
        using var head = new UNetHead(new UNetHeadOptions());

        var keys = StateDictOrder.PyTorchOrdered(head).Select(e => e.Key).ToList();

        // Widths [256,128,64,32,32]; per stage conv1 (in·out·3) + BN (2·out) + conv2 (out·out·3) + BN:
        // 768→256: 787,456; 384→128: 197,120; 192→64: 49,408; 128→32: 15,488; 32→32: 6,272; cls_seg 32·4+4 = 132.
        Assert.Equal(1_055_876, head.parameters().Sum(p => p.numel()));
        Assert.Equal([256, 128, 64, 32, 32], head.StageChannels);
        Assert.Equal(
            ["up_blocks.0.convs.0.conv.weight", "up_blocks.0.convs.0.bn.weight", "up_blocks.0.convs.0.bn.bias",
             "up_blocks.0.convs.0.bn.running_mean", "up_blocks.0.convs.0.bn.running_var", "up_blocks.0.convs.0.bn.num_batches_tracked",
             "up_blocks.0.convs.1.conv.weight"],
            keys.Take(7));
        Assert.Equal(["cls_seg.weight", "cls_seg.bias"], keys.TakeLast(2));
        Assert.Equal(5, keys.Select(k => k.Split('.')[1]).Where(k => char.IsDigit(k[0])).Distinct().Count());
        Assert.Equal(new long[] { 256, 768, 3 }, head.state_dict()["up_blocks.0.convs.0.conv.weight"].shape);
    }

    [Theory]
    [InlineData("resnet", 2, 2500, false)]
    [InlineData("resnet", 1, 2499, true)]
    [InlineData("resnet-input-skip", 1, 2500, true)]
    [InlineData("resnet-add", 2, 2499, false)]
    [InlineData("single-scale", 2, 2500, false)]
    [InlineData("single-scale", 1, 2499, true)]
    [InlineData("single-scale-sum", 1, 2500, true)]
    public void Should_Predict_At_The_Full_Input_Length(string kind, int batch, int lengthSamples, bool training)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        using var model = Build(kind);
        model.train(training);
        var x = randn(batch, 1, lengthSamples);

        Tensor logits, headLogits;
        using (no_grad())
        {
            logits = model.call(x).Logits;
            headLogits = model.DecodeHead.call(model.ExtractFeatures(x));
        }

        Assert.Equal(new long[] { batch, 4, lengthSamples }, logits.shape);
        // The head itself reaches the input length, so EncoderDecoder's final interpolation is a no-op.
        Assert.Equal(new long[] { batch, 4, lengthSamples }, headLogits.shape);
        Assert.True(logits.isfinite().all().item<bool>());
    }

    [Theory]
    [InlineData("resnet", 2500, new long[] { 157, 313, 625, 1250, 2500 })]
    [InlineData("resnet", 2499, new long[] { 157, 313, 625, 1250, 2499 })]
    [InlineData("single-scale", 2500, new long[] { 200, 400, 800, 1600, 2500 })]
    [InlineData("single-scale", 2499, new long[] { 198, 396, 792, 1584, 2499 })]
    public void Should_Upsample_Stage_By_Stage_To_The_Input_Length(string kind, int lengthSamples, long[] expectedLengths)
    {
        using var scope = NewDisposeScope();
        using var model = Build(kind);
        model.eval();
        var lengths = new List<long>();
        var stages = model.DecodeHead.named_children().Single(c => c.name == "up_blocks").module.named_children();
        foreach (var (_, stage) in stages)
        {
            var convs = (nn.Module<Tensor, Tensor>)stage.named_children().Single(c => c.name == "convs").module;
            convs.register_forward_hook((_, _, result) =>
            {
                lengths.Add(result.shape[^1]);
                return result;
            });
        }

        using (no_grad()) model.call(randn(1, 1, lengthSamples));

        Assert.Equal(expectedLengths, lengths);
    }

    [Theory]
    [InlineData("resnet-input-skip")]
    [InlineData("resnet-add")]
    [InlineData("single-scale")]
    [InlineData("single-scale-sum")]
    public void Should_Send_Gradients_To_Every_Backbone_And_Head_Parameter(string kind)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(2);
        using var model = Build(kind);
        model.train();
        var x = randn(2, 1, 2500);
        var target = randint(0, 4, [2, 2500]);

        F.cross_entropy(model.call(x).Logits, target).backward();

        var parameters = model.named_parameters().ToList();
        Assert.Contains(parameters, p => p.name.StartsWith("backbone.", StringComparison.Ordinal));
        Assert.Contains(parameters, p => p.name.StartsWith("decode_head.up_blocks.", StringComparison.Ordinal));
        Assert.All(parameters, p =>
        {
            var grad = p.parameter.grad;
            Assert.True(grad is not null, $"{p.name}: no gradient");
            Assert.True(grad.isfinite().all().item<bool>(), $"{p.name}: non-finite gradient");
            Assert.True(grad.abs().max().item<float>() > 0f, $"{p.name}: gradient is all zero");
        });
    }

    [Fact]
    public void Should_Project_The_Decoder_Map_Only_Where_Widths_Differ_When_Skips_Are_Added()
    {
        using var scope = NewDisposeScope();
        using var concat = new UNetHead(new UNetHeadOptions());
        using var add = new UNetHead(new UNetHeadOptions { SkipMode = UNetSkipMode.Add });

        var addState = add.state_dict();

        // 512@79 → 256 before upsampling to 157 (skip 256); 256 → 128; 128 → 64; the stem stage (64 in, stem 64) needs none.
        Assert.Equal(new long[] { 256, 512, 1 }, addState["up_blocks.0.project.weight"].shape);
        Assert.Equal(new long[] { 256, 256, 3 }, addState["up_blocks.0.convs.0.conv.weight"].shape);
        Assert.Equal(new long[] { 64, 128, 1 }, addState["up_blocks.2.project.weight"].shape);
        Assert.DoesNotContain("up_blocks.3.project.weight", addState.Keys);
        Assert.Equal(new long[] { 32, 64, 3 }, addState["up_blocks.3.convs.0.conv.weight"].shape);
        Assert.DoesNotContain(concat.state_dict().Keys, k => k.Contains(".project.", StringComparison.Ordinal));
        Assert.True(add.parameters().Sum(p => p.numel()) < concat.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Should_Give_The_Same_Result_As_Projecting_After_Upsampling_When_Adding_A_Skip()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(4);
        using var stage = new UNetDecoderStage(8, 4, addSkip: true, 6, numConvs: 1, kernelSize: 3);
        stage.eval();
        var x = randn(2, 8, 79);
        var skip = randn(2, 4, 157);
        var project = (nn.Module<Tensor, Tensor>)stage.named_children().Single(c => c.name == "project").module;
        var convs = (nn.Module<Tensor, Tensor>)stage.named_children().Single(c => c.name == "convs").module;

        Tensor actual, expected;
        using (no_grad())
        {
            actual = stage.Forward(x, skip, 157, alignCorners: false);
            var upsampled = F.interpolate(x, size: [157], mode: InterpolationMode.Linear, align_corners: false);
            expected = convs.call(project.call(upsampled) + skip);
        }

        Assert.True((actual - expected).abs().max().item<float>() < 1e-5f);
    }

    [Fact]
    public void Should_Reject_An_In_Channels_List_That_Differs_From_The_Backbone()
    {
        var spec = new ModelSpec("resnet18", new ResNetOptions(), "UNetHead", new UNetHeadOptions { InChannels = [64, 128, 256, 256] });

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("'in_channels' is [64, 128, 256, 256]", error.Message);
        Assert.Contains("have [64, 128, 256, 512] channels", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Stem_Width_That_Differs_From_The_Backbone()
    {
        var spec = new ModelSpec("resnet18", new ResNetOptions(), "UNetHead", new UNetHeadOptions { StemChannels = 32 });

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("'stem_channels' is 32", error.Message);
        Assert.Contains("stem has 64 channels", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Stem_When_The_Backbone_Has_None()
    {
        using var backbone = new SingleScaleTestBackbone();
        using var head = new UNetHead(new UNetHeadOptions { InChannels = [192, 192, 192, 192] });

        var error = Assert.Throws<ArgumentException>(() => new EncoderDecoder(backbone, head));

        Assert.Contains("'stem_channels' is 64", error.Message);
        Assert.Contains("no stem map", error.Message);
    }

    [Fact]
    public void Should_Reject_Levels_The_Backbone_Does_Not_Return()
    {
        var spec = new ModelSpec("resnet18", new ResNetOptions { OutIndices = [2, 3] }, "UNetHead", new UNetHeadOptions());

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("'in_index' is [0, 1, 2, 3]", error.Message);
        Assert.Contains("returns 2 level(s)", error.Message);
    }

    [Fact]
    public void Should_Fail_Clearly_When_The_Input_Skip_Has_No_Input()
    {
        using var scope = NewDisposeScope();
        using var head = new UNetHead(SingleScaleOptions);
        var levels = Enumerable.Range(0, 4).Select(_ => randn(1, 192, 100)).ToArray();

        var error = Assert.Throws<ArgumentException>(() => head.call(new BackboneFeatures(levels, null)));

        Assert.Contains("'input_skip'", error.Message);
    }

    [Fact]
    public void Should_Fail_Clearly_When_Single_Scale_Levels_Differ_In_Length()
    {
        using var scope = NewDisposeScope();
        using var head = new UNetHead(SingleScaleOptions with { InputSkip = false });
        var levels = new[] { randn(1, 192, 100), randn(1, 192, 100), randn(1, 192, 50), randn(1, 192, 100) };

        var error = Assert.Throws<ArgumentException>(() => head.call(new BackboneFeatures(levels, null)));

        Assert.Contains("'level_fusion' is 'concat'", error.Message);
        Assert.Contains("[100, 100, 50, 100]", error.Message);
    }

    [Theory]
    [InlineData("resnet-input-skip")]
    [InlineData("resnet-add")]
    [InlineData("single-scale")]
    public void Should_Return_Differing_Clean_And_Perturbed_Logits_When_Training(string kind)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(11);
        using var model = Build(kind);
        model.train();
        var x = randn(2, 1, 2500);

        var result = model.ForwardWithFeaturePerturbation(x, dropoutProbability: 0.5);

        Assert.Equal(new long[] { 2, 4, 2500 }, result.Clean.shape);
        Assert.Equal(new long[] { 2, 4, 2500 }, result.Perturbed.shape);
        float difference = (result.Clean - result.Perturbed).abs().max().item<float>();
        Assert.True(difference > 1e-3f, $"clean and perturbed logits differ by only {difference}");
        Assert.True(result.Clean.requires_grad && result.Perturbed.requires_grad);
    }

    [Theory]
    [InlineData("resnet-input-skip")]
    [InlineData("single-scale")]
    public void Should_Equal_Plain_Forward_When_Perturbation_Probability_Is_Zero_In_Eval_Mode(string kind)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        using var model = Build(kind);
        model.eval();
        var x = randn(2, 1, 1000);

        FeaturePerturbationOutput perturbed;
        Tensor plain;
        using (no_grad())
        {
            perturbed = model.ForwardWithFeaturePerturbation(x, dropoutProbability: 0.0);
            plain = model.call(x).Logits;
        }

        Assert.True((perturbed.Clean - plain).abs().max().item<float>() < 1e-5f);
        Assert.True((perturbed.Perturbed - plain).abs().max().item<float>() < 1e-5f);
    }

    [Fact]
    public void Should_Pass_The_Input_Unperturbed_And_Duplicated_To_The_Head_When_Features_Are_Perturbed()
    {
        using var scope = NewDisposeScope();
        using var backbone = new SingleScaleTestBackbone(width: 8);
        using var head = new InputRecordingHead();
        using var model = new EncoderDecoder(backbone, head);
        model.train();
        var x = randn(2, 1, 500);

        model.ForwardWithFeaturePerturbation(x, dropoutProbability: 0.9);

        var input = head.LastInput!;
        var level0 = head.LastLevel0!;
        Assert.Equal(new long[] { 4, 1, 500 }, input.shape);
        Assert.Equal(0f, (input - cat([x, x], dim: 0)).abs().max().item<float>());
        Assert.True((level0[..2] - level0[2..]).abs().max().item<float>() > 0f, "level 0 was not perturbed");
    }

    [Theory]
    [InlineData("resnet")]
    [InlineData("single-scale")]
    public void Should_Return_A_Full_Length_Latent_With_The_Latent_Projection(string kind)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(6);
        using var model = kind == "resnet"
            ? ResNet18UNet(new UNetHeadOptions(), useLatentProjection: true)
            : SingleScaleUNet(SingleScaleOptions, useLatentProjection: true);
        model.train();
        var x = randn(2, 1, 2500);

        var result = model.call(x);
        (result.Logits.pow(2).mean() + result.Latent!.pow(2).mean()).backward();

        Assert.Equal(new long[] { 2, 128, 2500 }, result.Latent.shape);
        Assert.Equal(new long[] { 2, 4, 2500 }, result.Logits.shape);
        Assert.All(model.Projection!.parameters(), p => Assert.True(p.grad!.abs().max().item<float>() > 0f));
    }

    [Fact]
    public void Should_Be_In_The_Head_Catalog_And_Built_By_The_Model_Factory()
    {
        using var model = ResNet18UNet(new UNetHeadOptions());

        Assert.Same(UNetHead.Entry, HeadCatalog.Find("UNetHead"));
        Assert.IsType<UNetHead>(model.DecodeHead);
        Assert.Contains("decode_head.up_blocks.4.convs.1.bn.running_var", model.state_dict().Keys);
    }

    [Fact]
    public void Should_Reject_Fcn_Options_For_The_UNet_Head()
    {
        var spec = new ModelSpec("resnet18", new ResNetOptions(), "UNetHead", new FcnHeadOptions());

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains(nameof(UNetHeadOptions), error.Message);
    }
}
