using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Models.Heads;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class UNetHeadOptionsTests
{
    private static readonly UNetHeadOptions SingleScale = new()
    {
        InChannels = [192, 192, 192, 192],
        StemChannels = null,
        LevelFusion = UNetLevelFusion.Concat,
        ProgressiveSteps = 4,
    };

    [Fact]
    public void Should_Derive_Halving_Widths_Floored_At_32_For_The_ResNet_Layout()
    {
        var options = new UNetHeadOptions();

        Assert.Equal(5, options.DecoderStageCount());
        Assert.Equal([256, 128, 64, 32, 32], options.ResolvedChannels());
        Assert.Equal(["skip level 2", "skip level 1", "skip level 0", "skip stem", "final"], options.DecoderStageNames());
    }

    [Fact]
    public void Should_Count_Fusion_Progressive_And_Final_Stages_For_A_Single_Scale_Backbone()
    {
        var options = SingleScale with { BaseChannels = 128 };

        Assert.Equal([128, 64, 32, 32, 32, 32], options.ResolvedChannels());
        Assert.Equal("concat levels [0, 1, 2, 3]", options.DecoderStageNames()[0]);
    }

    [Fact]
    public void Should_Keep_A_Small_Base_Width_Instead_Of_Raising_It_To_The_Floor()
    {
        Assert.Equal([16, 16, 16, 16, 16], new UNetHeadOptions { BaseChannels = 16 }.ResolvedChannels());
    }

    [Fact]
    public void Should_Use_The_Given_Channel_List()
    {
        var options = new UNetHeadOptions { Channels = [256, 128, 64, 64, 32] };

        options.Validate();

        Assert.Equal([256, 128, 64, 64, 32], options.ResolvedChannels());
    }

    [Fact]
    public void Should_Name_The_Expected_Stages_When_The_Channel_List_Has_The_Wrong_Length()
    {
        var options = new UNetHeadOptions { Channels = [256, 128, 64, 32] };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("UNetHead option 'channels' is [256, 128, 64, 32]", error.Message);
        Assert.Contains("expected 5 widths", error.Message);
        Assert.Contains("skip stem", error.Message);
    }

    public static TheoryData<UNetHeadOptions, string> InvalidOptions => new()
    {
        { new UNetHeadOptions { InChannels = [] }, "in_channels" },
        { new UNetHeadOptions { InIndex = [0, 1, 2] }, "in_index" },
        { new UNetHeadOptions { InIndex = [0, 2, 1, 3] }, "in_index" },
        { new UNetHeadOptions { StemChannels = 0 }, "stem_channels" },
        { SingleScale with { StemChannels = 64 }, "stem_channels" },
        { new UNetHeadOptions { LevelFusion = UNetLevelFusion.Sum, StemChannels = null }, "in_channels" },
        { new UNetHeadOptions { LevelFusion = (UNetLevelFusion)7 }, "level_fusion" },
        { new UNetHeadOptions { SkipMode = (UNetSkipMode)7 }, "skip_mode" },
        { new UNetHeadOptions { NumConvsPerStage = 0 }, "num_convs_per_stage" },
        { new UNetHeadOptions { KernelSize = 4 }, "kernel_size" },
        { new UNetHeadOptions { ProgressiveSteps = -1 }, "progressive_steps" },
        { new UNetHeadOptions { BaseChannels = 0 }, "base_channels" },
        { new UNetHeadOptions { InputSkip = true, NumLeads = 0 }, "num_leads" },
        { new UNetHeadOptions { InputSkipChannels = 0 }, "input_skip_channels" },
        { new UNetHeadOptions { Channels = [256, 128, 0, 32, 32] }, "channels" },
        { new UNetHeadOptions { DropoutRatio = 1.0 }, "dropout_ratio" },
        { new UNetHeadOptions { NumClasses = 0 }, "num_classes" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Should_Reject_Invalid_Options_Naming_The_Snake_Case_Field(UNetHeadOptions options, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => new UNetHead(options).Dispose());

        Assert.Contains($"option '{field}'", error.Message);
    }
}
