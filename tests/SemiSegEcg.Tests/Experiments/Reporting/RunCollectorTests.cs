using System.Text.Json;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Experiments.Reporting;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Experiments.Reporting;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class RunCollectorTests : IDisposable
{
    private readonly TempDirectory _root = new("report-collect");

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Should_Identify_Each_Run_From_Its_Saved_Config_And_Compute_Its_Metrics()
    {
        // Given: sweep-style runs, a U-Net run, a cross-domain run and a run named the shipped way (ludb/1over8)
        string perfect = FabricatedRuns.Write(_root.Path, "resnet18", "scratch", "ludb/1over16.yaml", seed: 0);
        string degraded = FabricatedRuns.Write(_root.Path, "resnet18", "fixmatch", "qtdb/1over4.yaml", seed: 2, degraded: true);
        FabricatedRuns.Write(_root.Path, "vit_tiny_unet", "stpp", "isp/1over2.yaml", seed: 1);
        FabricatedRuns.Write(_root.Path, "vit_tiny", "mean_teacher", "cross_domain/merged.yaml", seed: 0, expName: "cross_domain/merged");
        FabricatedRuns.Write(_root.Path, "resnet18", "unimatch", "zhejiang/1over8.yaml", seed: 0, expName: "zhejiang/1over8");

        // When
        var runs = RunCollector.Collect(_root.Path).OrderBy(r => r.Directory, StringComparer.Ordinal).ToList();

        // Then
        Assert.Equal(5, runs.Count);
        var byDir = runs.ToDictionary(r => r.Directory);
        Assert.Equal(("scratch", "resnet18", "ludb", (int?)16, 0), Identity(byDir[perfect]));
        Assert.Equal(("fixmatch", "resnet18", "qtdb", (int?)4, 2), Identity(byDir[degraded]));
        Assert.Contains(runs, r => Identity(r) == ("stpp", "vit_tiny+UNet", "isp", 2, 1));
        Assert.Contains(runs, r => Identity(r) == ("mean_teacher", "vit_tiny", "merged", null, 0));
        Assert.Contains(runs, r => Identity(r) == ("unimatch", "resnet18", "zhejiang", 8, 0));
        Assert.Equal(1.0, byDir[perfect].Metric("mIoU_pooled"), 12);
        Assert.Equal(FabricatedRuns.DegradedPooledMeanIou, byDir[degraded].Metric("mIoU_pooled"), 12);
        Assert.Equal(FabricatedRuns.SampleCount, byDir[degraded].SampleCount);
        Assert.Equal((100, "QTDB_test.csv"), (byDir[degraded].Epochs, byDir[degraded].TestIndex));
        var direct = EvaluationReport.Compute(TestOutputsReader.ReadRunDirectory(degraded));
        Assert.Equal(direct.ToNamedMetrics().Select(m => m.Value), direct.ToNamedMetrics().Select(m => byDir[degraded].Metric(m.Name)));
        Assert.All(runs, r => Assert.True(File.Exists(Path.Combine(r.Directory, EvaluationCache.FileName))));
    }

    [Fact]
    public void Should_Tell_Label_Draws_Apart_Instead_Of_Keeping_One_As_A_Duplicate()
    {
        // Given: the same method, ratio and seed on draw 0 and on draw 2 (named as the sweep names them)
        FabricatedRuns.Write(_root.Path, "resnet18", "fixmatch", "ludb/1over16.yaml", seed: 0);
        FabricatedRuns.Write(_root.Path, "resnet18", "fixmatch", "ludb/1over16.yaml", seed: 0, expName: "ludb/1over16/draw2/seed0",
            set: "dataset.train_labeled_csv=LUDB_train_labeled_1over16_draw2.csv");
        var warnings = new List<string>();

        // When
        var runs = RunCollector.Collect(_root.Path, warnings);

        // Then
        Assert.Empty(warnings);
        Assert.Equal([0, 2], runs.Select(r => r.Draw).Order());
        Assert.All(runs, r => Assert.Equal(16, r.Ratio));
    }

    [Fact]
    public void Should_Reuse_The_Cached_Evaluation_Until_The_Test_Outputs_Change()
    {
        // Given: a collected run whose cache is then edited by hand
        string run = FabricatedRuns.Write(_root.Path, "resnet18", "scratch", "ludb/1over16.yaml", seed: 0);
        RunCollector.Collect(_root.Path);
        string cache = Path.Combine(run, EvaluationCache.FileName);
        File.WriteAllText(cache, File.ReadAllText(cache).Replace("\"mIoU_pooled\": 1", "\"mIoU_pooled\": 0.25", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(cache, DateTime.UtcNow.AddMinutes(1));

        // When: collected again, then after new test outputs
        double cached = RunCollector.Collect(_root.Path).Single().Metric("mIoU_pooled");
        FabricatedRuns.WriteOutputs(run, degraded: true);
        File.SetLastWriteTimeUtc(Path.Combine(run, "test_outputs.npy"), DateTime.UtcNow.AddMinutes(2));
        double refreshed = RunCollector.Collect(_root.Path).Single().Metric("mIoU_pooled");

        // Then
        Assert.Equal(0.25, cached);
        Assert.Equal(FabricatedRuns.DegradedPooledMeanIou, refreshed, 12);
        using var json = JsonDocument.Parse(File.ReadAllText(cache));
        Assert.Equal(FabricatedRuns.SampleCount, json.RootElement.GetProperty("sample_count").GetInt32());
    }

    [Fact]
    public void Should_Warn_And_Go_On_When_A_Run_Cannot_Be_Read()
    {
        // Given: a good run, outputs without a config, a broken config, and the same run twice
        FabricatedRuns.Write(_root.Path, "resnet18", "scratch", "ludb/1over16.yaml", seed: 0);
        string orphan = _root.File("orphan");
        Directory.CreateDirectory(orphan);
        FabricatedRuns.WriteOutputs(orphan, degraded: false);
        string broken = FabricatedRuns.Write(_root.Path, "resnet18", "cps", "ludb/1over16.yaml", seed: 0);
        File.WriteAllText(Path.Combine(broken, "config.yaml"), "algorithm: nonsense\n");
        string older = FabricatedRuns.Write(_root.File("copy"), "resnet18", "scratch", "ludb/1over16.yaml", seed: 0);
        File.SetLastWriteTimeUtc(Path.Combine(older, "test_outputs.npy"), DateTime.UtcNow.AddDays(-1));
        var warnings = new List<string>();

        // When
        var runs = RunCollector.Collect(_root.Path, warnings);

        // Then
        Assert.Single(runs);
        Assert.DoesNotContain("copy", runs[0].Directory, StringComparison.Ordinal);
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith(orphan, StringComparison.Ordinal) && w.Contains("no config.yaml", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith(broken, StringComparison.Ordinal) && w.Contains("config.yaml line 1", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("using the newest", StringComparison.Ordinal) && w.Contains(older, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Keep_A_Newer_Smoke_Run_Beside_The_Benchmark_Run_Of_The_Same_Cell_For_The_Report_To_Refuse()
    {
        // Given: the benchmark run, then a newer smoke run of the same method, ratio and seed on the tiny test index
        string benchmark = FabricatedRuns.Write(_root.Path, "resnet18", "scratch", "ludb/1over16.yaml", seed: 0);
        File.SetLastWriteTimeUtc(Path.Combine(benchmark, "test_outputs.npy"), DateTime.UtcNow.AddDays(-1));
        FabricatedRuns.Write(_root.File("smoke"), "resnet18", "scratch", "ludb/1over16.yaml", seed: 0, set: "dataset.test_csv=TINY_test.csv");
        var warnings = new List<string>();

        // When
        var runs = RunCollector.Collect(_root.Path, warnings);

        // Then: neither silently replaces the other, and the report refuses the pair
        Assert.Empty(warnings);
        Assert.Equal(["LUDB_test.csv", "TINY_test.csv"], runs.Select(r => r.TestIndex).Order(StringComparer.Ordinal));
        Assert.Throws<InvalidDataException>(() => ComparableRuns.Select(runs));
    }

    [Fact]
    public void Should_Report_A_Run_From_Its_Committed_Small_Files_Alone()
    {
        // Given: a run evaluated once, then only its config.yaml and evaluation.json copied elsewhere (as results/ keeps them)
        string run = FabricatedRuns.Write(_root.File("runs"), "resnet18", "fixmatch", "qtdb/1over4.yaml", seed: 2, degraded: true);
        var original = RunCollector.Collect(_root.File("runs")).Single();
        string kept = _root.File("results/resnet18/fixmatch/qtdb/1over4/seed2");
        Directory.CreateDirectory(kept);
        foreach (string file in new[] { "config.yaml", EvaluationCache.FileName }) File.Copy(Path.Combine(run, file), Path.Combine(kept, file));

        // When
        var collected = RunCollector.Collect(_root.File("results")).Single();

        // Then
        Assert.Equal(kept, collected.Directory);
        Assert.Equal((original.Algorithm, original.Dataset, original.Ratio, original.Seed, original.SampleCount), (collected.Algorithm, collected.Dataset, collected.Ratio, collected.Seed, collected.SampleCount));
        Assert.Equal(original.Metrics.OrderBy(m => m.Key), collected.Metrics.OrderBy(m => m.Key));
    }

    [Fact]
    public void Should_Fail_Clearly_When_The_Root_Does_Not_Exist()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => RunCollector.Collect(_root.File("missing")));

        Assert.Contains("missing: run root not found", error.Message, StringComparison.Ordinal);
    }

    private static (string, string, string, int?, int) Identity(CollectedRun r) => (r.Algorithm, r.Backbone, r.Dataset, r.Ratio, r.Seed);
}
