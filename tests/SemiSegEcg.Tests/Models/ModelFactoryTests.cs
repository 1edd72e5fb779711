using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Parity)]
public sealed class ModelFactoryTests
{
    [Fact]
    public void Should_Build_ResNet18_Fcn_With_The_Reference_Parameter_Counts()
    {
        using var model = ReferenceFixture.CreateResNet18Fcn();

        var total = ParameterCounts.Of(model);
        var backbone = ParameterCounts.Of(model.Backbone);
        var head = ParameterCounts.Of(model.DecodeHead);

        Assert.Equal(4_041_284, total.Trainable);
        Assert.Equal(0, total.Frozen);
        Assert.Equal(9_877, total.BufferElements);
        Assert.Equal(3_843_904, backbone.Trainable);
        Assert.Equal(197_380, head.Trainable);
    }

    [Fact]
    public void Should_Name_And_Shape_State_Dict_Entries_Exactly_As_The_Reference()
    {
        var expected = ReferenceFixture.ReadKeys(ReferenceFixture.StateDirectory);
        using var model = ReferenceFixture.CreateResNet18Fcn();

        var actual = StateDictOrder.PyTorchOrdered(model).Select(e => (e.Key, e.Value.shape)).ToList();

        Assert.Equal(128, expected.Count);
        Assert.Equal(expected.Select(e => e.Key), actual.Select(a => a.Key));
        Assert.Equal(expected.Select(e => e.Key).Order(StringComparer.Ordinal), model.state_dict().Keys.Order(StringComparer.Ordinal));
        foreach (var ((key, shape), (_, actualShape)) in expected.Zip(actual))
        {
            Assert.True(shape.SequenceEqual(actualShape), $"{key}: reference [{string.Join(",", shape)}], ours [{string.Join(",", actualShape)}]");
        }
    }

    [Fact]
    public void Should_Build_ResNet34_With_3_4_6_3_Blocks()
    {
        using var model = ModelFactory.Create(new ModelSpec("resnet34", new ResNetOptions(), "FCNHead", new FcnHeadOptions()));

        var keys = model.state_dict().Keys.ToHashSet();

        // Hand count: stem 576; stages 74,496 / 379,136 / 2,300,416 / 4,463,616.
        Assert.Equal(7_218_240, ParameterCounts.Of(model.Backbone).Trainable);
        Assert.Contains("backbone.layer3.5.conv2.weight", keys);
        Assert.DoesNotContain("backbone.layer3.6.conv1.weight", keys);
        Assert.Contains("backbone.layer4.2.bn2.running_var", keys);
    }

    [Fact]
    public void Should_Add_The_Latent_Projection_Under_Projection_Keys()
    {
        using var model = ReferenceFixture.CreateResNet18Fcn(useLatentProjection: true);

        var keys = StateDictOrder.PyTorchOrdered(model).Select(e => e.Key).Where(k => k.StartsWith("projection.", StringComparison.Ordinal)).ToList();

        Assert.Equal(213_248, ParameterCounts.Of(model.Projection!).Trainable);
        Assert.Equal(
            ["projection.0.weight", "projection.2.weight", "projection.2.bias", "projection.2.running_mean",
             "projection.2.running_var", "projection.2.num_batches_tracked", "projection.3.weight"],
            keys);
    }

    [Fact]
    public void Should_List_Valid_Names_When_The_Backbone_Is_Unknown()
    {
        var spec = new ModelSpec("resnet50", new ResNetOptions(), "FCNHead", new FcnHeadOptions());

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("'resnet50'", error.Message);
        Assert.Contains("resnet18, resnet34", error.Message);
    }

    [Fact]
    public void Should_List_Valid_Names_When_The_Head_Is_Unknown()
    {
        var spec = new ModelSpec("resnet18", new ResNetOptions(), "UPerHead", new FcnHeadOptions());

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("'UPerHead'", error.Message);
        Assert.Contains("FCNHead", error.Message);
    }

    [Fact]
    public void Should_Reject_Options_Of_The_Wrong_Type()
    {
        var spec = new ModelSpec("resnet18", new FcnHeadOptions(), "FCNHead", new FcnHeadOptions());

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("ResNetOptions", error.Message);
        Assert.Contains("FcnHeadOptions", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Head_Whose_In_Channels_Differ_From_The_Backbone_Width()
    {
        var spec = new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions { InChannels = 192 });

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("'in_channels' is 192", error.Message);
        Assert.Contains("has 512 channels", error.Message);
    }

    [Fact]
    public void Should_Reject_An_In_Index_Beyond_The_Returned_Levels()
    {
        var spec = new ModelSpec("resnet18", new ResNetOptions { OutIndices = [1, 3] }, "FCNHead", new FcnHeadOptions { InIndex = 2 });

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("'in_index' is 2", error.Message);
        Assert.Contains("2 level(s)", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Head_Num_Classes_Different_From_The_Model()
    {
        var spec = new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions { NumClasses = 3 }, NumClasses: 4);

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("'num_classes' is 3", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Projection_Width_Different_From_The_Last_Level()
    {
        var spec = new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions(),
            UseLatentProjection: true, ProjectionInDim: 192);

        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(spec));

        Assert.Contains("'projection_in_dim' is 192", error.Message);
    }
}
