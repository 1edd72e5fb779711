using SemiSegEcg.Algorithms;
using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Cli.Commands.Sweep;
using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Experiments.Reporting;
using SemiSegEcg.Tests.Infrastructure;
using static SemiSegEcg.Tests.Algorithms.AlgorithmTestKit;

namespace SemiSegEcg.Tests.Algorithms.Catalog;

/// <summary>The catalog is the one list of methods: its names are consistent, and every other list derives from it.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class MethodCatalogTests
{
    public static TheoryData<string> Names() => new(MethodCatalog.Names);

    [Fact]
    public void Should_Keep_The_Benchmark_Order_With_Unique_Names()
    {
        Assert.Equal(["base", "mean_teacher", "fixmatch", "cps", "reco", "stpp", "unimatch"], MethodCatalog.Names.Take(7));
        Assert.Equal(["scratch", "mean_teacher", "fixmatch", "cps", "reco", "stpp", "unimatch"], MethodCatalog.ConfigNames.Take(7));
        Assert.Equal(MethodCatalog.Names.Count, MethodCatalog.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(MethodCatalog.ConfigNames.Count, MethodCatalog.ConfigNames.Distinct().Count());
        var reportNames = MethodCatalog.ReportNames.Select(n => n.Name).ToList();
        Assert.Equal(reportNames.Count, reportNames.Distinct().Count());
        Assert.Equal(MethodCatalog.All.Count, MethodCatalog.All.Select(e => e.Title).Distinct().Count());
    }

    [Fact]
    public void Should_Keep_Method_Keys_Apart_From_The_Trainers_Keys()
    {
        var trainerKeys = ConfigBinder.AcceptedKeysOf(typeof(TrainConfig));

        foreach (var entry in MethodCatalog.All)
            Assert.Empty(entry.AcceptedOptionKeys.Intersect(trainerKeys));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Should_Ship_A_Config_Of_The_Method_In_Every_Model_Folder(string name)
    {
        var entry = MethodCatalog.Find(name)!;

        foreach (string model in ShippedConfigNames.AllModels)
        {
            var config = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", model, $"{entry.ConfigName}.yaml")).Config;
            Assert.Same(entry, config.Algorithm.Entry);
            Assert.Equal(entry.DataNeeds.UsesUnlabeled || config.Train.StepMatched, ExperimentData.ReadsUnlabeled(config));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Should_Build_A_Method_That_Agrees_With_Its_Entry(string name)
    {
        var entry = MethodCatalog.Find(name)!;

        using var algorithm = entry.ConfigureDefaults().Create(() => NewModel(latent: entry.NeedsLatentProjection));

        Assert.Equal(entry.Name, algorithm.Name);
        Assert.Equal(entry.DataNeeds, algorithm.DataNeeds);
    }

    [Theory]
    [InlineData("reco", 2, 1)]
    [InlineData("unimatch", 1, 2)]
    public void Should_Create_The_Added_Methods_From_Their_Config_Names(string name, int networks, int strongViews)
    {
        int built = 0;

        using var algorithm = MethodCatalog.Find(name)!.ConfigureDefaults().Create(() => { built++; return NewModel(latent: true); });

        Assert.Equal(name, algorithm.Name);
        Assert.Equal(networks, built);
        Assert.Equal(new AlgorithmDataNeeds(true, strongViews), algorithm.DataNeeds);
    }

    [Fact]
    public void Should_Derive_The_Report_Order_And_Titles_From_The_Catalog()
    {
        Assert.Equal(MethodCatalog.All.SelectMany(e => e.ReportNames.Select(n => n.Name)), BenchmarkNames.AlgorithmOrder);
        Assert.Equal(["scratch", "scratch_step_matched", "mean_teacher", "fixmatch", "cps", "reco", "stpp", "stpp_reference", "unimatch"],
            BenchmarkNames.AlgorithmOrder.Take(9));
        foreach (var entry in MethodCatalog.All) Assert.Equal(entry.Title, BenchmarkNames.AlgorithmTitle(entry.ConfigName));
        Assert.Equal("my_method", BenchmarkNames.AlgorithmTitle("my_method"));
    }

    [Fact]
    public void Should_Sweep_Every_Method_Of_The_Catalog_By_Default()
    {
        Assert.Equal(MethodCatalog.ConfigNames, new SweepSettings().ToRequest().Algorithms);
    }
}
