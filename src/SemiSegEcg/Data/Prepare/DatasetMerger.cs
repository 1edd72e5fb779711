using System.Text.Json;
using SemiSegEcg.Data.Index;
using SemiSegEcg.IO;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Builds the cross-domain ("merged") setting from prepared databases: labeled training set = union of the labeled
/// databases' labeled sets (<c>1/N</c> of each, or their full training sets when N = 1); unlabeled = every labeled
/// database's full training split plus every unlabeled-only database (PTB-XL); valid and test = unions of the
/// labeled databases' own. Writes <c>index/merged_train_labeled.csv</c>, <c>merged_unlabeled.csv</c>,
/// <c>merged_valid.csv</c>, <c>merged_test.csv</c>, one <c>merged_train_labeled_1over{N}.csv</c> per ratio every
/// labeled database has, and <c>summary.json</c>; each file atomically. Earlier <c>1over</c> files this run did not
/// produce are removed.
/// <para><b>Paths.</b> Merged entries name files relative to the data root, the parent of the output folder, e.g.
/// <c>ludb/ecg/1_lead_I.npy</c> for a database in <c>&lt;root&gt;/ludb</c>: with <c>--out &lt;root&gt;/merged</c> this is
/// what <c>configs/bench/cross_domain/merged.yaml</c> expects (<c>ecg_dir = label_dir = .</c>,
/// <c>index_dir = merged/index</c>, relative to the data root). A database outside the data root is named by its
/// absolute folder, which still resolves. Every named file is checked to exist.</para>
/// <para><b>Subjects.</b> IDs become <c>&lt;PREFIX&gt;:&lt;id&gt;</c> (<c>LUDB:1</c>), so databases never share a subject.</para>
/// </summary>
public static class DatasetMerger
{
    public const string Prefix = "merged";

    public static string TrainLabeledIndex(string outputRoot) => Index(outputRoot, "train_labeled");
    public static string UnlabeledIndex(string outputRoot) => Index(outputRoot, "unlabeled");
    public static string ValidIndex(string outputRoot) => Index(outputRoot, "valid");
    public static string TestIndex(string outputRoot) => Index(outputRoot, "test");
    public static string LabeledIndex(string outputRoot, int ratio) => Index(outputRoot, $"train_labeled_1over{ratio}");

    /// <param name="ratio">Labeled set of the merged <c>merged_train_labeled.csv</c>: 1/N of each database (1 = full training sets).</param>
    public static MergeSummary Run(IReadOnlyList<string> databaseRoots, string outputRoot, int ratio = 1)
    {
        ArgumentNullException.ThrowIfNull(databaseRoots);
        ArgumentException.ThrowIfNullOrEmpty(outputRoot);
        if (ratio < 1) throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "the labeled ratio 1/N needs N ≥ 1");
        if (databaseRoots.Count == 0) throw new ArgumentException("no prepared database given to merge", nameof(databaseRoots));

        string output = Path.GetFullPath(outputRoot);
        string dataRoot = Path.GetDirectoryName(output.TrimEnd(Path.DirectorySeparatorChar))
            ?? throw new ArgumentException($"output folder '{outputRoot}' has no parent folder to serve as the data root", nameof(outputRoot));
        var databases = databaseRoots.Select(PreparedDatabase.Open).ToList();
        foreach (var group in databases.GroupBy(d => d.Prefix, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw new ArgumentException($"database {group.Key} is given {group.Count()} times ({string.Join(", ", group.Select(d => d.Root))})", nameof(databaseRoots));
        foreach (var db in databases)
        {
            if (db.Root == output || output.StartsWith(db.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ArgumentException($"the output folder '{output}' must not lie inside the prepared database '{db.Root}'", nameof(outputRoot));
        }
        var labeled = databases.Where(d => d.IsLabeled).ToList();
        if (labeled.Count == 0)
            throw new ArgumentException($"none of {string.Join(", ", databases.Select(d => d.Prefix))} is labeled; the merged setting needs at least one database with valid/test splits", nameof(databaseRoots));
        if (ratio > 1 && labeled.FirstOrDefault(d => !d.LabeledRatios.Contains(ratio)) is { } lacking)
            throw new FileNotFoundException($"{lacking.Layout.LabeledIndex(ratio)} does not exist, so the labeled ratio 1/{ratio} cannot be merged (available: {string.Join(", ", lacking.LabeledRatios.Select(r => "1/" + r))})",
                lacking.Layout.LabeledIndex(ratio));

        var prefixes = databases.ToDictionary(d => d, d => PathPrefix(d.Root, dataRoot));
        var merged = databases.Select(d => new MergedDatabase(d.Prefix, d.Root, d.IsLabeled, prefixes[d])).ToList();
        Directory.CreateDirectory(Path.Combine(output, "index"));

        var splits = new List<MergedSplit>();
        MergedSplit Write(string split, string path, IEnumerable<(PreparedDatabase Db, string Index)> sources, bool labels)
        {
            var entries = new List<IndexEntry>();
            var perDatabase = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (db, index) in sources)
            {
                var rows = IndexCsv.Read(index, requireLabels: labels);
                entries.AddRange(rows.Select(e => Rewrite(e, db, prefixes[db], dataRoot, index, labels)));
                perDatabase[db.Prefix] = rows.Count;
            }
            IndexCsv.Write(path, entries);
            var result = new MergedSplit(split, path, entries.Count, entries.Select(e => e.SubjectId).Distinct(StringComparer.Ordinal).Count(), perDatabase);
            splits.Add(result);
            return result;
        }

        Write(ratio == 1 ? "train labeled" : $"train labeled 1/{ratio}", TrainLabeledIndex(output),
            labeled.Select(d => (d, ratio == 1 ? d.Layout.UnlabeledIndex : d.Layout.LabeledIndex(ratio))), labels: true);
        Write("unlabeled", UnlabeledIndex(output), databases.Select(d => (d, d.Layout.UnlabeledIndex)), labels: false);
        Write("valid", ValidIndex(output), labeled.Select(d => (d, d.Layout.ValidIndex)), labels: true);
        Write("test", TestIndex(output), labeled.Select(d => (d, d.Layout.TestIndex)), labels: true);
        var common = labeled.Select(d => d.LabeledRatios).Aggregate((a, b) => a.Intersect(b).ToList());
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (int n in common.Order())
        {
            string path = LabeledIndex(output, n);
            Write($"train 1/{n}", path, labeled.Select(d => (d, d.Layout.LabeledIndex(n))), labels: true);
            written.Add(Path.GetFileName(path));
        }
        foreach (string stale in Directory.EnumerateFiles(Path.Combine(output, "index"), $"{Prefix}_train_labeled_1over*.csv"))
        {
            if (!written.Contains(Path.GetFileName(stale))) File.Delete(stale);
        }

        var summary = new MergeSummary(output, dataRoot, ratio, merged, splits);
        AtomicFile.WriteAllText(Path.Combine(output, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions));
        return summary;
    }

    private static string Index(string outputRoot, string split) => Path.Combine(outputRoot, "index", $"{Prefix}_{split}.csv");

    /// <summary>The database folder relative to the data root with '/' separators, or absolute when outside it.</summary>
    private static string PathPrefix(string databaseRoot, string dataRoot)
    {
        string relative = Path.GetRelativePath(dataRoot, databaseRoot);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return databaseRoot.Replace(Path.DirectorySeparatorChar, '/');
        return relative == "." ? "" : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static IndexEntry Rewrite(IndexEntry entry, PreparedDatabase db, string prefix, string dataRoot, string index, bool labels)
    {
        string Join(string folder, string file) =>
            Path.IsPathRooted(file) ? file : string.Join('/', new[] { prefix, folder, file.Replace('\\', '/') }.Where(p => p.Length > 0));

        string waveform = Join("ecg", entry.Waveform);
        string? label = entry.Label is null ? null : Join("label", entry.Label);
        Require(Path.Combine(dataRoot, waveform), index, entry.Waveform);
        if (labels) Require(Path.Combine(dataRoot, label!), index, entry.Label!);
        return new IndexEntry(waveform, label, entry.SampleRateHz, $"{db.Prefix}:{entry.SubjectId}");
    }

    private static void Require(string path, string index, string named)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{index}: names '{named}', but {path} does not exist", path);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
