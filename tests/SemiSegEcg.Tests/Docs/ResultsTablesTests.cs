using SemiSegEcg.Experiments.Reporting;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Docs;

/// <summary>
/// RESULTS.md's benchmark tables are exactly what <c>semiseg report results/</c> computes from the committed runs, so a
/// number in them can never drift from the run outputs behind it.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ResultsTablesTests
{
    [Fact]
    public void Should_Match_The_Report_Of_The_Committed_Results()
    {
        // Given: every committed run under results/
        string results = Path.Combine(SharedData.RepoRoot, "results");
        var warnings = new List<string>();
        var runs = RunCollector.Collect(results, warnings);
        Assert.Empty(warnings);
        Assert.NotEmpty(runs);

        // When: the tables are rendered as `semiseg report results/ --into RESULTS.md` renders them
        var table = ResultTable.Build(ComparableRuns.Select(runs, epochs: null, testSamples: null));
        string expected = EmbeddedTables.Render(table, BaselineComparison.Build(table));

        // Then: RESULTS.md holds them verbatim
        string file = Path.Combine(SharedData.RepoRoot, "RESULTS.md");
        string actual = EmbeddedTables.Extract(File.ReadAllText(file), file);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Should_Refuse_Markers_Out_Of_Order_Or_Repeated()
    {
        string reversed = $"{EmbeddedTables.EndMarker}\n{EmbeddedTables.BeginMarker}\n";
        string repeated = $"{EmbeddedTables.BeginMarker}\n{EmbeddedTables.EndMarker}\n{EmbeddedTables.BeginMarker}\n";

        var outOfOrder = Assert.Throws<InvalidDataException>(() => EmbeddedTables.Replace(reversed, "x", "R.md"));
        var twice = Assert.Throws<InvalidDataException>(() => EmbeddedTables.Extract(repeated, "R.md"));

        Assert.Equal("R.md: the report's end marker comes before its begin marker", outOfOrder.Message);
        Assert.StartsWith("R.md: the report markers appear more than once", twice.Message, StringComparison.Ordinal);
    }
}
