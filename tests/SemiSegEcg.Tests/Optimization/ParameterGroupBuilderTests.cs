using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Tests.Models;
using SemiSegEcg.Tests.Models.Backbones;

namespace SemiSegEcg.Tests.Optimization;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Parity)]
public sealed class ParameterGroupBuilderTests
{
    private const double Decay = 0.75;
    private const double WeightDecay = 0.05;

    [Fact]
    public void Should_Put_Every_Parameter_In_One_Decayed_Group_Without_Layer_Decay()
    {
        using var model = VitFixture.CreateVitTinyFcn();

        var groups = ParameterGroupBuilder.Build(model, WeightDecay, layerDecay: null);

        var group = Assert.Single(groups);
        Assert.Equal(1.0, group.LrScale);
        Assert.Equal(WeightDecay, group.WeightDecay);
        Assert.Equal(model.named_parameters().Select(p => p.name), group.ParameterNames);
        Assert.Equal(5_438_262, group.Parameters.Sum(p => p.numel()));
    }

    [Fact]
    public void Should_Assign_Layer_Ids_Scales_And_Weight_Decay_On_The_Real_ViT_Tiny()
    {
        using var model = VitFixture.CreateVitTinyFcn();

        var groups = ParameterGroupBuilder.Build(model, WeightDecay, Decay);
        var byName = groups.SelectMany(g => g.ParameterNames.Select(n => (Name: n, Group: g))).ToDictionary(e => e.Name, e => e.Group);

        // Every trainable parameter exactly once.
        Assert.Equal(model.named_parameters().Select(p => p.name).Order(StringComparer.Ordinal), byName.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(byName.Count, groups.Sum(g => g.Parameters.Count));
        // 0: embeddings (decay + no-decay), 1–12: blocks (decay + no-decay), 13: final norm and head (decay + no-decay).
        Assert.Equal(28, groups.Count);
        foreach (var (name, group) in byName)
        {
            int expectedId = ExpectedLayerId(name);
            Assert.True(expectedId == group.LayerId, $"{name}: layer id {group.LayerId}, expected {expectedId}");
            Assert.Equal(Math.Pow(Decay, 13 - expectedId), group.LrScale, 15);
        }
        Assert.Equal((0, 0.0), IdAndDecay(byName["backbone.cls_embedding"]));
        Assert.Equal((0, 0.0), IdAndDecay(byName["backbone.pos_embedding"]));
        Assert.Equal((0, WeightDecay), IdAndDecay(byName["backbone.to_patch_embedding.2.weight"]));
        Assert.Equal((0, 0.0), IdAndDecay(byName["backbone.to_patch_embedding.1.weight"]));
        Assert.Equal((1, WeightDecay), IdAndDecay(byName["backbone.block0.attn.fn.to_qkv.weight"]));
        Assert.Equal((12, 0.0), IdAndDecay(byName["backbone.block11.ff.fn.net.3.bias"]));
        Assert.Equal((13, 0.0), IdAndDecay(byName["backbone.norm.weight"]));
        Assert.Equal((13, WeightDecay), IdAndDecay(byName["decode_head.convs.0.0.weight"]));
        Assert.Equal((13, 0.0), IdAndDecay(byName["decode_head.convs.0.1.weight"]));
        Assert.Equal((13, 0.0), IdAndDecay(byName["decode_head.cls_seg.bias"]));
        Assert.Equal(Math.Pow(0.75, 13), byName["backbone.cls_embedding"].LrScale, 15);
        Assert.Equal(1.0, byName["decode_head.cls_seg.weight"].LrScale);
    }

    [Fact]
    public void Should_Exempt_Exactly_One_Dimensional_Parameters_And_The_Token_Embeddings_From_Weight_Decay()
    {
        using var model = VitFixture.CreateVitTinyFcn();

        var groups = ParameterGroupBuilder.Build(model, WeightDecay, Decay);

        var exempt = groups.Where(g => g.WeightDecay == 0).SelectMany(g => g.ParameterNames).ToHashSet();
        var expected = model.named_parameters()
            .Where(p => p.parameter.dim() == 1 || p.name is "backbone.cls_embedding" or "backbone.pos_embedding")
            .Select(p => p.name).ToHashSet();
        Assert.Equal(expected.Order(StringComparer.Ordinal), exempt.Order(StringComparer.Ordinal));
        Assert.All(groups.Where(g => g.WeightDecay != 0), g => Assert.All(g.Parameters, p => Assert.True(p.dim() > 1)));
        // 12 blocks × 8 one-dimensional tensors + 7 embedding-side (5 patch-embedding, cls, pos) + 2 final norm + 3 head (BN γ, β, classifier bias).
        Assert.Equal(12 * 8 + 7 + 2 + 3, exempt.Count);
    }

    [Fact]
    public void Should_Refuse_Layer_Decay_For_A_ResNet_Naming_The_Option()
    {
        using var model = ReferenceFixture.CreateResNet18Fcn();

        var error = Assert.Throws<ArgumentException>(() => ParameterGroupBuilder.Build(model, WeightDecay, Decay));
        var single = ParameterGroupBuilder.Build(model, WeightDecay, layerDecay: null);

        Assert.Contains("'layer_decay'", error.Message);
        Assert.Contains("ViT", error.Message);
        Assert.Equal(4_041_284, Assert.Single(single).Parameters.Sum(p => p.numel()));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Should_Reject_A_Layer_Decay_Outside_Zero_To_One(double decay)
    {
        using var model = ModelFactory.Create(new ModelSpec("vit_tiny", new VitOptions { NumLayers = 1, OutIndices = [0] },
            "FCNHead", new FcnHeadOptions { InChannels = 192, InIndex = 0 }));

        var error = Assert.Throws<ArgumentException>(() => ParameterGroupBuilder.Build(model, WeightDecay, decay));

        Assert.Contains("'layer_decay'", error.Message);
    }

    [Fact]
    public void Should_Leave_Out_Frozen_Parameters()
    {
        using var model = VitFixture.CreateVitTinyFcn();
        foreach (var parameter in model.Backbone.parameters()) parameter.requires_grad = false;

        var plain = ParameterGroupBuilder.Build(model, WeightDecay, layerDecay: null);
        var layered = ParameterGroupBuilder.Build(model, WeightDecay, Decay);

        Assert.Equal(74_500, Assert.Single(plain).Parameters.Sum(p => p.numel()));
        Assert.All(layered, g => Assert.Equal(13, g.LayerId));
        Assert.DoesNotContain(layered.SelectMany(g => g.ParameterNames), n => n.StartsWith("backbone.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("backbone.cls_embedding", 0)]
    [InlineData("backbone.to_patch_embedding.3.bias", 0)]
    [InlineData("backbone.block0.attn.norm.weight", 1)]
    [InlineData("backbone.block10.attn.fn.to_out.0.weight", 11)]
    [InlineData("backbone.norm.bias", 13)]
    [InlineData("projection.0.weight", 13)]
    public void Should_Map_Names_To_Layer_Ids(string name, int expected) =>
        Assert.Equal(expected, ParameterGroupBuilder.LayerIdOf(name, numLayers: 12));

    [Fact]
    public void Should_Reject_A_Block_Index_Beyond_The_Depth()
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterGroupBuilder.LayerIdOf("backbone.block12.attn.norm.weight", numLayers: 12));

        Assert.Contains("backbone.block12.attn.norm.weight", error.Message);
    }

    private static (int, double) IdAndDecay(ParameterGroup group) => (group.LayerId, group.WeightDecay);

    // Independent restatement of the original's rule (docs/reference/original-behaviour.md#optimisation), for the names our ViT produces.
    private static int ExpectedLayerId(string name)
    {
        if (name is "backbone.cls_embedding" or "backbone.pos_embedding" || name.StartsWith("backbone.to_patch_embedding.", StringComparison.Ordinal)) return 0;
        var parts = name.Split('.');
        return parts[0] == "backbone" && parts[1].StartsWith("block", StringComparison.Ordinal)
            ? int.Parse(parts[1]["block".Length..], System.Globalization.CultureInfo.InvariantCulture) + 1
            : 13;
    }
}
