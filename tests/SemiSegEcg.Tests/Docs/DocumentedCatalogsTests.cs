using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Docs;

/// <summary>The docs' tables of backbones, heads, databases and report metrics list exactly the catalogs' entries, in their order.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class DocumentedCatalogsTests
{
    /// <summary>The rows of the first Markdown table whose header starts with <paramref name="header"/>, as trimmed cells.</summary>
    private static List<string[]> TableRows(string page, string header)
    {
        var lines = File.ReadAllLines(Path.Combine(SharedData.RepoRoot, page));
        int start = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.True(start >= 0, $"{page}: no table headed '{header}'");
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
    }

    [Fact]
    public void Should_List_Every_Backbone_And_Head_With_Its_Options_And_Folders_In_The_Models_Page()
    {
        var rows = TableRows("docs/models.md", "| part | config name |");

        Assert.Equal(BackboneCatalog.All.Select(b => $"`{b.Name}` {b.OptionsType.Name}").Concat(HeadCatalog.All.Select(h => $"`{h.Name}` {h.OptionsType.Name}")),
            rows.Select(r => $"{r[1]} {r[2].Trim('`')}"));
        foreach (var backbone in BackboneCatalog.All)
        {
            string folders = rows.Single(r => r[1] == $"`{backbone.Name}`")[3];
            IEnumerable<string> shipped = backbone.Shipped ? HeadCatalog.All.Select(h => $"`{backbone.Name}{h.FolderSuffix}`") : [];
            Assert.Equal(shipped, folders.Split(", ").Where(f => f.StartsWith('`')));
        }
    }

    [Fact]
    public void Should_List_Every_Database_With_Its_Prepare_Command_In_The_Data_Page()
    {
        var rows = TableRows("docs/data.md", "| database | where to download |");

        Assert.Equal(DatabaseCatalog.Keys.Order(StringComparer.Ordinal),
            rows.Select(r => r[2].Split(' ')[3]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_List_Every_Report_Metric_In_Report_Order_In_The_Metrics_Page()
    {
        var rows = TableRows("docs/metrics.md", "| name | title | Markdown table |");

        Assert.Equal(MetricCatalog.Reported.Select(m => (m.Name, m.Title, m.InTables ? "yes" : "no")),
            rows.Select(r => (r[0].Trim('`'), r[1], r[2])));
    }
}
