using SemiSegEcg.Experiments.Reporting;

namespace SemiSegEcg.Tests.Experiments.Reporting;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ComparableRunsTests
{
    private static CollectedRun Run(string dir, string dataset = "ludb", int samples = 480, int epochs = 20, string test = "LUDB_test.csv", int? patience = null) =>
        new(dir, "fixmatch", "resnet18", dataset, 16, 0, samples, epochs, test, new Dictionary<string, double>(), EarlyStopPatience: patience);

    [Fact]
    public void Should_Refuse_A_Smoke_Run_Beside_A_Benchmark_Run_Of_The_Same_Dataset_Naming_Both()
    {
        IReadOnlyList<CollectedRun> runs = [Run("a"), Run("b"), Run("smoke", samples: 16, test: "TINY_test.csv")];

        var error = Assert.Throws<InvalidDataException>(() => ComparableRuns.Select(runs));

        Assert.Equal("the LUDB runs differ in test set: 480 samples of LUDB_test.csv (2 run(s): a, b), 16 samples of TINY_test.csv (1 run(s): smoke); "
            + "choose one with --test-samples N", error.Message);
        Assert.Equal(["a", "b"], ComparableRuns.Select(runs, testSamples: 480).Select(r => r.Directory));
    }

    [Fact]
    public void Should_Refuse_Mixed_Budgets_And_Let_The_User_Choose_One()
    {
        IReadOnlyList<CollectedRun> runs = [Run("r20"), Run("r100", epochs: 100), Run("q20", dataset: "qtdb", samples: 92, test: "QTDB_test.csv")];

        var error = Assert.Throws<InvalidDataException>(() => ComparableRuns.Select(runs));
        var kept = ComparableRuns.Select(runs, epochs: 20);

        Assert.StartsWith("the runs differ in training budget: 20 epochs (2 run(s): r20, q20), 100 epochs (1 run(s): r100)", error.Message);
        Assert.Equal(["r20", "q20"], kept.Select(r => r.Directory));
        Assert.Equal("Budget: 20 epochs; test sets: LUDB 480 samples, QTDB 92 samples.", ComparableRuns.Describe(kept));
    }

    [Fact]
    public void Should_Say_What_Exists_When_A_Filter_Keeps_Nothing()
    {
        var error = Assert.Throws<InvalidDataException>(() => ComparableRuns.Select([Run("a")], epochs: 5));

        Assert.Equal("no run matches --epochs 5; the runs have 20 epochs (1 run(s): a) and 480 samples of LUDB_test.csv (1 run(s): a)", error.Message);
    }

    [Fact]
    public void Should_Count_Early_Stopping_As_Part_Of_The_Budget()
    {
        IReadOnlyList<CollectedRun> stopped = [Run("a", patience: 5), Run("b", patience: 5)];

        var error = Assert.Throws<InvalidDataException>(() => ComparableRuns.Select([Run("full"), .. stopped]));

        Assert.StartsWith("the runs differ in training budget: 20 epochs, early stop after 5 without a better valid MeanIoU (2 run(s): a, b), 20 epochs (1 run(s): full)", error.Message);
        Assert.Equal("Budget: 20 epochs, early stop after 5 without a better valid MeanIoU; test sets: LUDB 480 samples.", ComparableRuns.Describe(ComparableRuns.Select(stopped)));
    }
}
