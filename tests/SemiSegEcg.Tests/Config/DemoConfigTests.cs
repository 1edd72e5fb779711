using SemiSegEcg.Config;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class DemoConfigTests
{
    [Theory]
    [InlineData("synthetic.yaml", "demo/synthetic", "SYNTH_valid.csv")]
    [InlineData("ludb.yaml", "demo/ludb", "LUDB_valid.csv")]
    public void Should_Load_The_Demo_Overrides_On_The_UNet_Base(string file, string expName, string valid)
    {
        var loaded = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18_unet", "scratch.yaml"),
            Path.Combine(SharedData.RepoRoot, "configs", "demo", file));

        Assert.Equal(expName, loaded.Config.ExpName);
        Assert.Equal(valid, loaded.Config.Dataset.ValidCsv);
        Assert.Equal(3, loaded.Config.Train.Epochs);
        Assert.Equal("UNetHead", loaded.Config.DecodeHead.Name);
    }
}
