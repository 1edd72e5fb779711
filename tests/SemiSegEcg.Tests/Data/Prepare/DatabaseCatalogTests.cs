using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Prepare;

/// <summary>The database catalog is the one list of databases: names are unique, configs/bench has exactly the benchmarked ones, and a preparer reports its entry's names.</summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class DatabaseCatalogTests
{
    [Fact]
    public void Should_Keep_The_Keys_And_The_Benchmark_Order()
    {
        Assert.Equal(["ludb", "qtdb", "isp", "zhejiang", "ptbxl", "synthetic"], DatabaseCatalog.Keys);
        Assert.Equal(["ludb", "qtdb", "isp", "zhejiang"], DatabaseCatalog.Benchmarked.Select(d => d.Key));
        var names = DatabaseCatalog.All.SelectMany(d => d.Aliases.Prepend(d.Key)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(DatabaseCatalog.All.Count, DatabaseCatalog.All.Select(d => d.Prefix).Distinct().Count());
    }

    [Theory]
    [InlineData("ptb-xl", "ptbxl")]
    [InlineData("PTBXL", "ptbxl")]
    [InlineData("LUDB", "ludb")]
    public void Should_Find_A_Database_By_Key_Or_Alias_In_Any_Case(string name, string key) =>
        Assert.Equal(key, DatabaseCatalog.Find(name)?.Key);

    [Fact]
    public void Should_Find_No_Database_For_An_Unknown_Name() => Assert.Null(DatabaseCatalog.Find("mitdb"));

    [Fact]
    public void Should_Ship_Ratio_Overrides_For_Exactly_The_Benchmarked_Databases()
    {
        string bench = Path.Combine(SharedData.RepoRoot, "configs", "bench");
        var folders = Directory.GetDirectories(bench).Select(Path.GetFileName).OfType<string>().Where(d => d != "cross_domain");

        Assert.Equal(DatabaseCatalog.Benchmarked.Select(d => d.Key).Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_Build_A_Preparer_That_Reports_Its_Entrys_Names()
    {
        var entry = SyntheticPreparer.Entry;
        var inputs = new PrepareInputs("", "", "", RawSignals: false, Records: 5, Out: "", new MaskOptions(), KeepIncomplete: false);

        var preparer = entry.Create(inputs);

        Assert.Equal((entry.Title, entry.Prefix, entry.IsLabeled, 5), (preparer.Database, preparer.Prefix, preparer.IsLabeled, preparer.RecordCount));
    }
}
