using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models.Backbones;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Parity)]
public sealed class VisionTransformer1dTests
{
    [Fact]
    public void Should_Return_Four_Token_Maps_And_Full_Length_Logits_For_ViT_Tiny_Fcn()
    {
        using var scope = NewDisposeScope();
        using var model = VitFixture.CreateVitTinyFcn();
        model.eval();
        var x = randn(2, 1, 2500);

        BackboneFeatures features;
        Tensor logits;
        using (no_grad())
        {
            features = model.ExtractFeatures(x);
            logits = model.call(x).Logits;
        }

        Assert.Equal(4, features.Stages.Count);
        Assert.All(features.Stages, s => Assert.Equal(new long[] { 2, 192, 100 }, s.shape));
        Assert.Null(features.Stem);
        Assert.Equal(new long[] { 2, 4, 2500 }, logits.shape);
        Assert.Equal(new[] { 192, 192, 192, 192 }, model.Backbone.OutChannels);
        Assert.Null(model.Backbone.StemChannels);
        // Later blocks change the tokens: the four levels are distinct.
        Assert.True((features.Stages[0] - features.Stages[3]).abs().max().item<float>() > 1e-3f);
    }

    [Fact]
    public void Should_Have_The_Spec_Parameter_Counts()
    {
        using var model = VitFixture.CreateVitTinyFcn();
        var backbone = (VisionTransformer1d)model.Backbone;

        long Count(string prefix) => model.named_parameters().Where(p => p.name.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.parameter.numel());

        Assert.Equal(5_438_262, ParameterCounts.Of(model).Trainable);
        Assert.Equal(5_363_762, ParameterCounts.Of(backbone).Trainable);
        Assert.Equal(74_500, ParameterCounts.Of(model.DecodeHead).Trainable);
        Assert.Equal(5_426, Count("backbone.to_patch_embedding."));
        Assert.Equal(19_392, Count("backbone.pos_embedding"));
        Assert.Equal(192, Count("backbone.cls_embedding"));
        Assert.Equal(444_864, Count("backbone.block7."));
        Assert.Equal(12 * 444_864, Count("backbone.block"));
        Assert.Equal(384, Count("backbone.norm."));
        Assert.Equal(0, ParameterCounts.Of(backbone).BufferElements);
    }

    [Fact]
    public void Should_Name_And_Order_State_Dict_Entries_As_The_PyTorch_Twin()
    {
        var expected = VitFixture.ReadFullModelKeys();
        using var model = VitFixture.CreateVitTinyFcn();

        var actual = StateDictOrder.PyTorchOrdered(model).Select(e => (e.Key, e.Value.shape)).ToList();

        Assert.Equal(162, expected.Count);
        Assert.Equal(expected.Select(e => e.Key), actual.Select(a => a.Key));
        foreach (var ((key, shape), (_, actualShape)) in expected.Zip(actual))
        {
            Assert.True(shape.SequenceEqual(actualShape), $"{key}: twin [{string.Join(",", shape)}], ours [{string.Join(",", actualShape)}]");
        }
        Assert.Contains("backbone.block11.attn.fn.to_qkv.bias", model.state_dict().Keys);
        Assert.Equal(new long[] { 192 }, model.state_dict()["backbone.cls_embedding"].shape);
    }

    [Fact]
    public void Should_Initialise_Tokens_Standard_Normal_And_Norms_As_Identity()
    {
        random.manual_seed(0);
        using var backbone = new VisionTransformer1d(new VitOptions());
        var state = backbone.state_dict();

        // 19,392 N(0, 1) samples: mean within ±0.03 and std within ±2 % of 1.
        var pos = state["pos_embedding"];
        Assert.InRange(pos.mean().item<float>(), -0.03f, 0.03f);
        Assert.InRange(pos.std().item<float>(), 0.98f, 1.02f);
        Assert.InRange(state["cls_embedding"].std().item<float>(), 0.8f, 1.2f);
        Assert.Equal(1f, state["block0.attn.norm.weight"].min().item<float>());
        Assert.Equal(0f, state["norm.bias"].abs().max().item<float>());
        // PyTorch's default Linear init: U(−1/√fan_in, 1/√fan_in) for the bias; fc2 has fan_in 768.
        Assert.InRange(state["block3.ff.fn.net.3.bias"].abs().max().item<float>(), 0.02f, 1 / MathF.Sqrt(768));
    }

    [Fact]
    public void Should_Leave_The_Final_Norm_Without_Gradient_While_Every_Other_Parameter_Gets_One()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        using var model = ModelFactory.Create(new ModelSpec("vit_tiny",
            new VitOptions { SeqLen = 250, NumLayers = 2, EmbedDims = 16, NumHeads = 2, HeadDim = 8, OutIndices = [0, 1] },
            "FCNHead", new FcnHeadOptions { InChannels = 16, InIndex = 1, Channels = 8 }));
        model.train();

        var loss = model.call(randn(2, 1, 250)).Logits.square().mean();
        loss.backward();

        var named = model.named_parameters().ToList();
        Assert.All(named.Where(p => p.name.StartsWith("backbone.norm.", StringComparison.Ordinal)), p => Assert.Null(p.parameter.grad));
        Assert.All(named.Where(p => !p.name.StartsWith("backbone.norm.", StringComparison.Ordinal)),
            p => Assert.True(p.parameter.grad is not null, $"{p.name} has no gradient"));
    }

    [Fact]
    public void Should_Lay_Out_Multi_Lead_Tokens_Time_Major_Lead_Minor()
    {
        using var scope = NewDisposeScope();
        using var embedding = new VitPatchEmbedding(patchSize: 3, numLeads: 2, embedDims: 4);
        var proj = embedding.named_modules().Single(m => m.name == "2").module as TorchSharp.Modules.Linear;
        var norm1 = embedding.named_modules().Single(m => m.name == "1").module as TorchSharp.Modules.LayerNorm;
        // lead 0 = 0..5, lead 1 = 100..105: patch 1 must be [3, 103, 4, 104, 5, 105].
        var x = cat([arange(6f), arange(100f, 106f)]).reshape(1, 2, 6);

        Tensor tokens;
        using (no_grad())
        {
            tokens = embedding.call(x);
            var expectedPatch = tensor(new[] { 3f, 103f, 4f, 104f, 5f, 105f }).reshape(1, 6);
            var expected = nn.functional.layer_norm(proj!.call(norm1!.call(expectedPatch)), [4]);
            Assert.True((tokens[0, 1] - expected[0]).abs().max().item<float>() < 1e-5f);
        }
        Assert.Equal(new long[] { 1, 2, 4 }, tokens.shape);
    }

    [Theory]
    [InlineData("patch_size")]
    [InlineData("out_indices")]
    [InlineData("final_norm")]
    [InlineData("drop_rate")]
    [InlineData("attn_drop_rate")]
    [InlineData("drop_path_rate")]
    [InlineData("mlp_ratio")]
    [InlineData("num_heads")]
    public void Should_Reject_Invalid_Or_Unsupported_Options_Naming_The_Field(string field)
    {
        var options = field switch
        {
            "patch_size" => new VitOptions { PatchSize = 24 },
            "out_indices" => new VitOptions { OutIndices = [3, 12] },
            "final_norm" => new VitOptions { FinalNorm = true },
            "drop_rate" => new VitOptions { DropRate = 0.1 },
            "attn_drop_rate" => new VitOptions { AttnDropRate = 0.1 },
            "drop_path_rate" => new VitOptions { DropPathRate = 0.1 },
            "mlp_ratio" => new VitOptions { MlpRatio = 4.001 },
            "num_heads" => new VitOptions { NumHeads = 0 },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var error = Assert.Throws<ArgumentException>(() => new VisionTransformer1d(options));

        Assert.Contains($"'{field}'", error.Message);
    }

    [Fact]
    public void Should_Accept_Fp16_Enabled_Without_Effect()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        using var plain = new VisionTransformer1d(new VitOptions { SeqLen = 100, NumLayers = 1, OutIndices = [0] });
        random.manual_seed(5);
        using var fp16 = new VisionTransformer1d(new VitOptions { SeqLen = 100, NumLayers = 1, OutIndices = [0], Fp16Enabled = true });
        var x = randn(1, 1, 100);

        Tensor a, b;
        using (no_grad())
        {
            a = plain.call(x).Stages[0];
            b = fp16.call(x).Stages[0];
        }

        Assert.Equal(ScalarType.Float32, b.dtype);
        Assert.True(a.equal(b).all().item<bool>());
    }

    [Fact]
    public void Should_Reject_Input_Of_The_Wrong_Length_Or_Lead_Count()
    {
        using var scope = NewDisposeScope();
        using var backbone = new VisionTransformer1d(new VitOptions { NumLayers = 1, OutIndices = [0] });

        var shortInput = Assert.Throws<ArgumentException>(() => backbone.call(randn(2, 1, 2000)));
        var twoLeads = Assert.Throws<ArgumentException>(() => backbone.call(randn(2, 2, 2500)));

        Assert.Contains("(B, 1 leads, 2500 samples); got (2, 1, 2000)", shortInput.Message);
        Assert.Contains("got (2, 2, 2500)", twoLeads.Message);
    }

    [Fact]
    public void Should_Build_Through_The_Factory_And_Check_The_Head_Width()
    {
        Assert.Same(VisionTransformer1d.Entry, BackboneCatalog.Find("vit_tiny"));

        var wrongWidth = Assert.Throws<ArgumentException>(() =>
            ModelFactory.Create(new ModelSpec("vit_tiny", new VitOptions(), "FCNHead", new FcnHeadOptions())));
        var wrongOptions = Assert.Throws<ArgumentException>(() =>
            ModelFactory.Create(new ModelSpec("vit_tiny", new ResNetOptions(), "FCNHead", new FcnHeadOptions { InChannels = 192 })));

        Assert.Contains("'in_channels' is 512 but backbone level 3 has 192 channels", wrongWidth.Message);
        Assert.Contains("needs options of type VitOptions, got ResNetOptions", wrongOptions.Message);
    }
}
