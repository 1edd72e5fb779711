using SemiSegEcg.Cli.Commands;
using SemiSegEcg.Experiments.Reporting;
using SemiSegEcg.Tests.Experiments.Reporting;
using SemiSegEcg.Tests.Infrastructure;
using Spectre.Console.Cli;

namespace SemiSegEcg.Tests.Cli.Commands.Report;

/// <summary><c>semiseg report</c> on run folders with known test outputs.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDirectory _tmp = new("report-cli");

    public void Dispose() => _tmp.Dispose();

    private static int Run(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(CommandRegistry.Configure);
        return app.Run(args);
    }

    [Fact]
    public void Should_Write_Markdown_Csv_And_A_Plot_Per_Dataset_Into_The_Run_Root()
    {
        // Given: two seeds of two methods at two ratios on LUDB (one seed degraded), and one cross-domain run
        string root = _tmp.File("runs");
        foreach (string algorithm in new[] { "scratch", "mean_teacher" })
        {
            foreach (string ratio in new[] { "1over16", "1over2" })
            {
                FabricatedRuns.Write(root, "resnet18", algorithm, $"ludb/{ratio}.yaml", seed: 0);
                FabricatedRuns.Write(root, "resnet18", algorithm, $"ludb/{ratio}.yaml", seed: 1, degraded: algorithm == "scratch");
            }
        }
        FabricatedRuns.Write(root, "vit_tiny", "scratch", "cross_domain/merged.yaml", seed: 0, expName: "merged/seed0");

        // When
        int code = Run("report", root);

        // Then: scratch = mean of 100 and the degraded pooled mIoU, with their sample SD
        Assert.Equal(0, code);
        double degraded = 100 * FabricatedRuns.DegradedPooledMeanIou;
        double mean = (100 + degraded) / 2, sd = Math.Abs(100 - degraded) / Math.Sqrt(2);
        string md = File.ReadAllText(Path.Combine(root, "report.md"));
        Assert.Contains("| Backbone | Method | LUDB 1/16 | LUDB 1/2 | Cross-domain all |", md, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"| resnet18 | Supervised | {mean:0.0} ± {sd:0.0} | {mean:0.0} ± {sd:0.0} | – |"), md, StringComparison.Ordinal);
        Assert.Contains("| resnet18 | Mean Teacher | **100.0 ± 0.0** | **100.0 ± 0.0** | – |", md, StringComparison.Ordinal);
        Assert.Contains("| vit_tiny | Supervised | – | – | 100.0 (n=1) |", md, StringComparison.Ordinal);
        Assert.Equal(9 + 5, File.ReadAllLines(Path.Combine(root, "report.csv")).Length - 1);
        Assert.True(File.Exists(Path.Combine(root, "ratio_ludb.png")));
        Assert.False(File.Exists(Path.Combine(root, "ratio_merged.png")));
    }

    [Fact]
    public void Should_Write_Elsewhere_With_Out()
    {
        string root = _tmp.File("runs");
        FabricatedRuns.Write(root, "resnet18", "scratch", "qtdb/1over8.yaml", seed: 0);

        Run("report", root, "--out", _tmp.File("out"));

        Assert.True(File.Exists(_tmp.File("out/report.md")));
        Assert.True(File.Exists(_tmp.File("out/ratio_qtdb.png")));
        Assert.False(File.Exists(Path.Combine(root, "report.md")));
    }

    [Fact]
    public void Should_Refuse_To_Mix_Budgets_Until_One_Is_Chosen_And_Show_The_Budget()
    {
        string root = _tmp.File("runs");
        FabricatedRuns.Write(root, "resnet18", "scratch", "ludb/1over16.yaml", seed: 0);
        FabricatedRuns.Write(root, "resnet18", "fixmatch", "ludb/1over16.yaml", seed: 0, set: ["train.epochs=20", "train.warmup_epochs=2"]);

        var error = Assert.Throws<InvalidDataException>(() => Run("report", root));
        int chosen = Run("report", root, "--epochs", "20");

        Assert.Contains("the runs differ in training budget: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, chosen);
        string md = File.ReadAllText(Path.Combine(root, "report.md"));
        Assert.Contains(FormattableString.Invariant($"Budget: 20 epochs; test sets: LUDB {FabricatedRuns.SampleCount} samples."), md, StringComparison.Ordinal);
        Assert.Contains("| resnet18 | FixMatch |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("| resnet18 | Supervised |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Compare_Every_Method_With_The_Step_Matched_Baseline_Over_Label_Draws()
    {
        // Given: three label draws of the step-matched baseline (perfect) and of FixMatch (degraded on draws 1 and 2,
        // perfect on draw 3): differences d, d, 0
        string root = _tmp.File("runs");
        foreach (int draw in new[] { 1, 2, 3 })
        {
            string labeled = $"dataset.train_labeled_csv=LUDB_train_labeled_1over16_draw{draw}.csv";
            FabricatedRuns.Write(root, "resnet18", "scratch", "ludb/1over16.yaml", seed: 0, expName: $"ludb/1over16/draw{draw}/seed0",
                set: ["train.step_matched=true", labeled]);
            FabricatedRuns.Write(root, "resnet18", "fixmatch", "ludb/1over16.yaml", seed: 0, degraded: draw < 3, expName: $"ludb/1over16/draw{draw}/seed0",
                set: [labeled]);
        }

        // When
        int code = Run("report", root);

        // Then: mean 2d/3, SD |d|/√3, half-width t(0.975, 2) · SD / √3 = 4.302653 · |d| / 3; the interval holds 0
        Assert.Equal(0, code);
        string md = File.ReadAllText(Path.Combine(root, "report.md"));
        double d = 100 * (FabricatedRuns.DegradedPooledMeanIou - 1), half = 4.302652729749464 * Math.Abs(d) / 3;
        string Signed(double v) => v.ToString("+0.0;−0.0;0.0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("## Pooled mIoU (%): difference against Supervised (step-matched)", md, StringComparison.Ordinal);
        Assert.Contains($"| resnet18 | FixMatch | {Signed(2 * d / 3)} [{Signed(2 * d / 3 - half)}, {Signed(2 * d / 3 + half)}] (n=3) |", md, StringComparison.Ordinal);
        Assert.Contains("paired t-test", md, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Run("report", root, "--baseline", "cps"));
    }

    [Fact]
    public void Should_Fail_Clearly_When_There_Is_Nothing_To_Report()
    {
        Directory.CreateDirectory(_tmp.File("empty"));

        var error = Assert.Throws<InvalidDataException>(() => Run("report", _tmp.File("empty")));

        Assert.Contains("no tested runs found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Replace_Only_The_Marked_Block_With_Into()
    {
        // Given: a hand-written document with prose around the markers and stale numbers between them
        string root = _tmp.File("runs");
        FabricatedRuns.Write(root, "resnet18", "scratch", "ludb/1over16.yaml", seed: 0);
        string doc = _tmp.File("RESULTS.md");
        File.WriteAllText(doc, $"# Results\n\nprose before\n\n{EmbeddedTables.BeginMarker}\n| stale | 0.0 |\n{EmbeddedTables.EndMarker}\n\nprose after\n");

        // When
        int code = Run("report", root, "--into", doc);

        // Then: the prose stays, the stale line is gone, and the block is exactly the report's tables
        Assert.Equal(0, code);
        string text = File.ReadAllText(doc);
        Assert.StartsWith("# Results\n\nprose before\n\n", text, StringComparison.Ordinal);
        Assert.EndsWith($"{EmbeddedTables.EndMarker}\n\nprose after\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stale", text, StringComparison.Ordinal);
        string block = EmbeddedTables.Extract(text, doc);
        Assert.StartsWith("### Pooled mIoU (%), higher is better", block, StringComparison.Ordinal);
        Assert.Contains("| resnet18 | Supervised | 100.0 |\n", block, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_Into_A_File_Without_Markers_And_Write_Nothing()
    {
        string root = _tmp.File("runs");
        FabricatedRuns.Write(root, "resnet18", "scratch", "ludb/1over16.yaml", seed: 0);
        string doc = _tmp.File("notes.md");
        File.WriteAllText(doc, "# Notes\n");

        var error = Assert.Throws<InvalidDataException>(() => Run("report", root, "--into", doc));

        Assert.Contains("notes.md: no place for the tables", error.Message, StringComparison.Ordinal);
        Assert.Equal("# Notes\n", File.ReadAllText(doc));
        Assert.False(File.Exists(Path.Combine(root, "report.md")));
    }
}
