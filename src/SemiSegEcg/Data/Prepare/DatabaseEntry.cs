namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// What the rest of the program knows of a database: its <c>semiseg data prepare</c> key, its title, its index file
/// prefix, whether it is labeled and benchmarked, where its samples come from, and how to build its preparer. Each
/// database declares its entry beside its preparer (<c>LudbPreparer.Entry</c>); <see cref="DatabaseCatalog.All"/>
/// lists them.
/// </summary>
/// <param name="Key">The <c>data prepare</c> argument and the benchmark's dataset name (<c>ludb</c>): the folder of its
/// overrides in <c>configs/bench</c> and the first segment of a run's <c>exp_name</c>.</param>
/// <param name="Title">Name in messages, tables and <c>summary.json</c> (<c>LUDB</c>).</param>
/// <param name="Prefix">Index file prefix (<c>LUDB</c> → <c>LUDB_valid.csv</c>).</param>
/// <param name="IsLabeled">False for unlabeled pools (PTB-XL): only an unlabeled index is written.</param>
/// <param name="Source">The inputs its preparer reads.</param>
/// <param name="Create">Builds the preparer from the command's inputs (reading only those of <paramref name="Source"/>).</param>
public sealed record DatabaseEntry(
    string Key,
    string Title,
    string Prefix,
    bool IsLabeled,
    DatabaseSource Source,
    Func<PrepareInputs, IDatabasePreparer> Create)
{
    /// <summary>Other spellings <c>data prepare</c> accepts (<c>ptb-xl</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// Whether the benchmark trains on it with one override per labeled ratio (<c>configs/bench/&lt;key&gt;/1over&lt;N&gt;.yaml</c>):
    /// the sweep's default datasets and the report's dataset order.
    /// </summary>
    public bool Benchmarked { get; init; }

    /// <summary>Whether <paramref name="name"/> is this database's key or an alias (case-insensitive).</summary>
    public bool IsNamed(string name) =>
        string.Equals(Key, name, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(name, StringComparer.OrdinalIgnoreCase);

    public override string ToString() => Key;
}
