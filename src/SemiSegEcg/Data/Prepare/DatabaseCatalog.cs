namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Every database <c>semiseg data prepare</c> knows. This is the only list of databases: the command's keys and
/// checks, the sweep's default datasets, the report's dataset order and titles, and the tests derive from it. A new
/// database is its preparer (with its <c>Entry</c>), its bench configs, and one line here.
/// </summary>
public static class DatabaseCatalog
{
    /// <summary>In the order of the paper's tables (benchmarked databases), the unlabeled pool and the generated set after them.</summary>
    public static IReadOnlyList<DatabaseEntry> All { get; } =
    [
        LudbPreparer.Entry,
        QtdbPreparer.Entry,
        IspPreparer.Entry,
        ZhejiangPreparer.Entry,
        PtbXlPreparer.Entry,
        SyntheticPreparer.Entry,
    ];

    /// <summary>The <c>data prepare</c> keys.</summary>
    public static IReadOnlyList<string> Keys { get; } = All.Select(e => e.Key).ToArray();

    /// <summary>The databases the benchmark trains on, one run per labeled ratio, in the paper's order.</summary>
    public static IReadOnlyList<DatabaseEntry> Benchmarked { get; } = All.Where(e => e.Benchmarked).ToArray();

    /// <summary>The database <paramref name="name"/> names (its key or an alias, case-insensitive), or null.</summary>
    public static DatabaseEntry? Find(string name) => All.FirstOrDefault(e => e.IsNamed(name));

    /// <summary>The keys as a sentence: <c>ludb, qtdb, … or synthetic</c>.</summary>
    public static string KeysInWords => string.Join(", ", Keys.Take(Keys.Count - 1)) + " or " + Keys[^1];
}
