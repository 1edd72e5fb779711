using SemiSegEcg.Config;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Experiments.Sweep;
using SemiSegEcg.Models;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Experiments.Sweep;

/// <summary>Grid expansion against the shipped configs folder.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class SweepGridTests
{
    private static readonly string Configs = Path.Combine(SharedData.RepoRoot, "configs");

    private static SweepRequest Request(string backbones = "resnet18", string algorithms = "scratch", string datasets = "ludb",
        string ratios = "16", string seeds = "0", int? epochs = null, params string[] set) =>
        new(SweepGrid.ParseNames(backbones), SweepGrid.ParseNames(algorithms), SweepGrid.ParseNames(datasets),
            SweepGrid.ParseIntegers(ratios, "--ratios"), SweepGrid.ParseIntegers(seeds, "--seeds"), Configs, "/runs/sweep", epochs, set);

    [Fact]
    public void Should_Give_Each_Label_Draw_Its_Index_And_Folder_With_Draw_0_As_Before()
    {
        // Given
        var request = Request("resnet18", "fixmatch", "qtdb", "16,4", "0", epochs: 20, "train.step_matched=true") with { Draws = [0, 2] };

        // When
        var runs = SweepGrid.Expand(request);

        // Then
        Assert.Equal(
        [
            "resnet18/fixmatch qtdb/1over16/seed0", "resnet18/fixmatch qtdb/1over16/draw2/seed0",
            "resnet18/fixmatch qtdb/1over4/seed0", "resnet18/fixmatch qtdb/1over4/draw2/seed0",
        ], runs.Select(r => r.Name));
        Assert.Equal([0, 2, 0, 2], runs.Select(r => r.Draw));
        Assert.Equal(["train.epochs=20", "train.warmup_epochs=2", "train.step_matched=true"], runs[0].Set);
        Assert.Equal(["train.epochs=20", "train.warmup_epochs=2", "train.step_matched=true", "dataset.train_labeled_csv=QTDB_train_labeled_1over4_draw2.csv"], runs[3].Set);
        var narrowed = SweepGrid.Expand(request.For(runs[3]));
        Assert.Equal(runs[3], Assert.Single(narrowed), new SweepRunNameComparer());
    }

    [Fact]
    public void Should_Draw_From_The_Users_Own_Labeled_Index()
    {
        var request = Request(set: "dataset.train_labeled_csv=MY_1over16.csv") with { Draws = [1] };

        var run = Assert.Single(SweepGrid.Expand(request));

        Assert.Equal("dataset.train_labeled_csv=MY_1over16_draw1.csv", run.Set[^1]);
    }

    [Fact]
    public void Should_Refuse_To_Draw_From_An_Index_That_Is_Already_A_Draw()
    {
        var request = Request(set: "dataset.train_labeled_csv=LUDB_train_labeled_1over16_draw1.csv") with { Draws = [0, 1] };

        var error = Assert.Throws<ArgumentException>(() => SweepGrid.Expand(request));

        Assert.Contains("dataset.train_labeled_csv is already a label draw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Check_The_Unlabeled_Index_Only_For_Runs_That_Read_It()
    {
        // Given: a data root with every tiny index but the unlabeled one
        using var data = new TempDirectory("sweep-check");
        string index = Path.Combine(data.Path, "ludb", "index");
        Directory.CreateDirectory(index);
        foreach (string split in new[] { "train_labeled", "valid", "test" }) File.WriteAllText(Path.Combine(index, $"TINY_{split}.csv"), "");
        var request = Request(algorithms: "scratch,fixmatch", set:
        [
            "dataset.train_labeled_csv=TINY_train_labeled.csv", "dataset.train_unlabeled_csv=TINY_train_unlabeled.csv",
            "dataset.valid_csv=TINY_valid.csv", "dataset.test_csv=TINY_test.csv",
        ]) with { OutputRoot = Path.Combine(data.Path, "runs") };

        // When
        var plan = SweepPlannedRun.Of(SweepGrid.Expand(request));
        var supervised = SweepDataCheck.MissingFiles(plan.Where(p => p.Run.Algorithm == "scratch"), data.Path);
        var fixmatch = SweepDataCheck.MissingFiles(plan.Where(p => p.Run.Algorithm == "fixmatch"), data.Path);

        // Then
        Assert.Empty(supervised);
        Assert.StartsWith($"{Path.Combine(index, "TINY_train_unlabeled.csv")}: index file not found (dataset.train_unlabeled_csv); the data root {data.Path} (from --data_root)",
            Assert.Single(fixmatch));
    }

    [Theory]
    [InlineData("merged", "0,1", "the merged dataset has a single labeled set")]
    [InlineData("ludb", "-1", "a label draw is 0 or more")]
    public void Should_Refuse_Draws_That_Cannot_Exist(string dataset, string draws, string message)
    {
        var request = Request(datasets: dataset) with { Draws = draws == "-1" ? [-1] : SweepGrid.ParseIntegers(draws, "--draws") };

        var error = Assert.Throws<ArgumentException>(() => SweepGrid.Expand(request));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private sealed class SweepRunNameComparer : IEqualityComparer<SweepRun>
    {
        public bool Equals(SweepRun? x, SweepRun? y) => x?.Name == y?.Name && x?.Set.SequenceEqual(y!.Set) == true && x.Draw == y.Draw;

        public int GetHashCode(SweepRun obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Expand_Every_Combination_In_Order_With_One_Cross_Domain_Run_Per_Seed()
    {
        // Given
        var request = Request("resnet18,vit_tiny_unet", "scratch,stpp", "ludb,merged", "16,2", "0,1", epochs: 20, "dataloader.batch_size=8");

        // When
        var runs = SweepGrid.Expand(request);

        // Then: 2 backbones × 2 algorithms × (ludb: 2 ratios + merged: 1) × 2 seeds
        Assert.Equal(24, runs.Count);
        Assert.Equal(
        [
            "resnet18/scratch ludb/1over16/seed0", "resnet18/scratch ludb/1over16/seed1", "resnet18/scratch ludb/1over2/seed0",
            "resnet18/scratch ludb/1over2/seed1", "resnet18/scratch merged/seed0", "resnet18/scratch merged/seed1",
            "resnet18/stpp ludb/1over16/seed0",
        ], runs.Take(7).Select(r => r.Name));
        var first = runs[0];
        Assert.Equal(Path.Combine(Configs, "base", "resnet18", "scratch.yaml"), first.BaseConfigPath);
        Assert.Equal(Path.Combine(Configs, "bench", "ludb", "1over16.yaml"), first.OverrideConfigPath);
        Assert.Equal(Path.Combine("/runs/sweep", "resnet18", "scratch"), first.OutputDir);
        Assert.Equal(Path.Combine("/runs/sweep", "resnet18", "scratch", "ludb/1over16/seed0"), first.RunDirectory);
        Assert.Equal((16, 0, 20), (first.Ratio, first.Seed, first.Epochs));
        Assert.Equal(["train.epochs=20", "train.warmup_epochs=2", "dataloader.batch_size=8"], first.Set);
        var merged = runs.Single(r => r.Name == "vit_tiny_unet/stpp merged/seed1");
        Assert.Equal(Path.Combine(Configs, "bench", "cross_domain", "merged.yaml"), merged.OverrideConfigPath);
        Assert.Null(merged.Ratio);
        Assert.Equal(["stage1", "stage2", "stage3"], merged.Stages.Select(s => s.Name));
        Assert.Equal([null], first.Stages.Select(s => s.Name));
    }

    [Theory]
    [InlineData(null, 100, new string[0])]
    [InlineData(3, 3, new[] { "train.epochs=3", "train.warmup_epochs=1" })]
    [InlineData(5, 5, new[] { "train.epochs=5", "train.warmup_epochs=1" })]
    [InlineData(15, 15, new[] { "train.epochs=15", "train.warmup_epochs=2" })]
    [InlineData(25, 25, new[] { "train.epochs=25", "train.warmup_epochs=3" })]
    public void Should_Set_The_Epoch_Budget_And_A_Tenth_Of_It_As_Warmup(int? epochs, int expectedEpochs, string[] expectedSet)
    {
        var run = SweepGrid.Expand(Request(epochs: epochs)).Single();

        Assert.Equal(expectedEpochs, run.Epochs);
        Assert.Equal(expectedSet, run.Set);
    }

    [Fact]
    public void Should_Let_A_Set_Override_Win_Over_The_Epoch_Budget()
    {
        var run = SweepGrid.Expand(Request(epochs: 10, set: "train.epochs=4")).Single();

        Assert.Equal(4, run.Epochs);
    }

    /// <summary>The shipped configs folder holds exactly the catalogs' model folders and benchmarked databases, so the sweep's lists (read from disk) are theirs.</summary>
    public static TheoryData<string, string, string, string, string, string> UnknownNames
    {
        get
        {
            string models = string.Join(", ", ShippedModels.Folders.Order(StringComparer.Ordinal)) + ")";
            string datasets = string.Join(", ", DatabaseCatalog.Benchmarked.Select(d => d.Key).Order(StringComparer.Ordinal)) + ", merged)";
            return new()
            {
                { "resnet50", "scratch", "ludb", "16", "unknown backbone 'resnet50' (valid, from ", models },
                { "_shared", "scratch", "ludb", "16", "unknown backbone '_shared' (valid, from ", models },
                { "resnet18", "scratch", "ptbxl", "16", "unknown dataset 'ptbxl'", datasets },
                { "resnet18", "scratch", "qtdb", "3", "ratio 3 has no override for dataset 'qtdb'", "valid ratios: 2, 4, 8, 16" },
            };
        }
    }

    [Theory]
    [MemberData(nameof(UnknownNames))]
    public void Should_Name_The_Valid_Values_When_A_Name_Is_Unknown(string backbones, string algorithms, string datasets, string ratios,
        string start, string end)
    {
        var error = Assert.Throws<ArgumentException>(() => SweepGrid.Expand(Request(backbones, algorithms, datasets, ratios)));

        Assert.Contains(start, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(end, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_The_Shipped_Configs_When_An_Algorithm_Is_Unknown()
    {
        var error = Assert.Throws<ArgumentException>(() => SweepGrid.Expand(Request("resnet18", "fixmatch,supervised")));

        Assert.Contains("unknown algorithm 'supervised' for backbone 'resnet18'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(string.Join(", ", ShippedConfigNames.Algorithms.Order(StringComparer.Ordinal)) + ")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Reject_A_Bad_Set_Before_Anything_Runs()
    {
        var error = Assert.Throws<ConfigException>(() => SweepGrid.Expand(Request(set: "train.epochz=3")));

        Assert.Contains("train.epochz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Reject_A_Folder_That_Is_Not_A_Configs_Folder()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => SweepGrid.Expand(Request() with { ConfigsRoot = SharedData.RepoRoot }));

        Assert.Contains("not a configs folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0,3-5, 9", new[] { 0, 3, 4, 5, 9 })]
    [InlineData("-1,2", new[] { -1, 2 })]
    public void Should_Parse_Integer_Lists_And_Ranges(string text, int[] expected) =>
        Assert.Equal(expected, SweepGrid.ParseIntegers(text, "--seeds"));

    [Theory]
    [InlineData("1,x")]
    [InlineData("5-2")]
    [InlineData(",")]
    public void Should_Reject_Malformed_Integer_Lists(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => SweepGrid.ParseIntegers(text, "--seeds"));

        Assert.StartsWith("--seeds: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Narrow_A_Request_To_One_Run()
    {
        var request = Request("resnet18,vit_tiny", "scratch,fixmatch", "ludb,merged", "16,8", "0-2", epochs: 7);
        var run = SweepGrid.Expand(request).Single(r => r.Name == "vit_tiny/fixmatch ludb/1over8/seed2");

        var narrowed = SweepGrid.Expand(request.For(run));

        Assert.Equal(run, Assert.Single(narrowed), new RunEquality());
    }

    private sealed class RunEquality : IEqualityComparer<SweepRun>
    {
        public bool Equals(SweepRun? x, SweepRun? y) => x is not null && y is not null && x.Name == y.Name && x.RunDirectory == y.RunDirectory
            && x.BaseConfigPath == y.BaseConfigPath && x.OverrideConfigPath == y.OverrideConfigPath && x.Set.SequenceEqual(y.Set) && x.Epochs == y.Epochs;

        public int GetHashCode(SweepRun obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
