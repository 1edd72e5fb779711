using SemiSegEcg.Config;
using SemiSegEcg.Experiments.Reporting;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Experiments.Reporting;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class BenchmarkNamesTests
{
    [Theory]
    [InlineData("scratch", "", "scratch", "Supervised")]
    [InlineData("scratch", "train.step_matched=true", "scratch_step_matched", "Supervised (step-matched)")]
    [InlineData("stpp", "", "stpp", "ST++")]
    [InlineData("stpp", "train.stpp_reference_selection=true", "stpp_reference", "ST++ (original selection)")]
    [InlineData("fixmatch", "", "fixmatch", "FixMatch")]
    public void Should_Tell_The_Switch_Selected_Variants_Apart(string config, string set, string expected, string title)
    {
        var loaded = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", $"{config}.yaml"), null,
            new CliOverrides { Set = set.Length == 0 ? [] : [set] });

        string algorithm = BenchmarkNames.Algorithm(loaded.Config);

        Assert.Equal(expected, algorithm);
        Assert.Equal(title, BenchmarkNames.AlgorithmTitle(algorithm));
        Assert.True(BenchmarkNames.AlgorithmKey(algorithm).Item1 < BenchmarkNames.AlgorithmOrder.Count);
    }

    [Fact]
    public void Should_Order_And_Title_The_Benchmarked_Databases_Then_The_Cross_Domain_Set()
    {
        Assert.Equal(["ludb", "qtdb", "isp", "zhejiang", "merged"], BenchmarkNames.DatasetOrder);
        Assert.Equal(["LUDB", "QTDB", "ISP", "Zhejiang", "Cross-domain", "mitdb"],
            BenchmarkNames.DatasetOrder.Append("mitdb").Select(BenchmarkNames.DatasetTitle));
        Assert.True(BenchmarkNames.DatasetKey("zhejiang").CompareTo(BenchmarkNames.DatasetKey("mitdb")) < 0);
    }
}
