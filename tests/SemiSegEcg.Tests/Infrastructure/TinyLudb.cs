using SemiSegEcg.Config;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// Real LUDB records prepared once per test run, with small index files for fast end-to-end runs:
/// 16 labeled samples (2 subjects), 32 unlabeled (the labeled ones plus 2 more subjects), 16 valid, 16 test.
/// Always the bundled 11 records (<see cref="SharedData.LudbRecords"/>), so every machine runs the same samples, with
/// or without the whole database; their subject split (7 / 2 / 2) differs from the whole database's.
/// </summary>
public static class TinyLudb
{
    private static readonly Lazy<string> Root = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Data root holding <c>ludb/</c> (the bundled records prepared) and <c>ludb/index/TINY_*.csv</c>.</summary>
    public static string DataRoot => Root.Value;

    /// <summary>Loads a shipped base config onto the tiny indexes with a minimal budget; extra <c>key=value</c> overrides win.</summary>
    public static LoadedConfig Config(string baseConfig, string outputDir, params string[] set)
    {
        string path = Path.Combine(SharedData.RepoRoot, "configs", "base", baseConfig);
        var overrides = new List<string>
        {
            "train.epochs=1", "train.warmup_epochs=1", "dataloader.num_workers=1",
            "dataset.train_labeled_csv=TINY_train_labeled.csv", "dataset.train_unlabeled_csv=TINY_train_unlabeled.csv",
            "dataset.valid_csv=TINY_valid.csv", "dataset.test_csv=TINY_test.csv", "exp_name=tiny",
        };
        overrides.AddRange(set);
        return ConfigLoader.Load(path, null, new CliOverrides { DataRoot = DataRoot, OutputDir = outputDir, Set = overrides });
    }

    private static string Prepare()
    {
        string root = Path.Combine(Path.GetTempPath(), $"semiseg-tiny-ludb-{Environment.ProcessId}");
        string ludb = Path.Combine(root, "ludb");
        DatabasePreparation.Run(new LudbPreparer(SharedData.LudbRecords, new MaskOptions()), ludb, seed: 0);
        var layout = new PreparedLayout(ludb, "LUDB");
        var train = IndexCsv.Read(layout.UnlabeledIndex, requireLabels: true);
        var valid = IndexCsv.Read(layout.ValidIndex, requireLabels: true);
        var test = IndexCsv.Read(layout.TestIndex, requireLabels: true);
        var trainSubjects = train.Select(e => e.SubjectId).Distinct().ToList();
        var labeled = train.Where(e => trainSubjects.Take(2).Contains(e.SubjectId)).Take(16).ToList();
        var unlabeled = train.Where(e => trainSubjects.Take(4).Contains(e.SubjectId)).Take(32).ToList();
        // The tests rely on this shape: a change of the bundled records that breaks it must fail here, not in a test.
        if (labeled.Count != 16 || labeled.Select(e => e.SubjectId).Distinct().Count() != 2 || unlabeled.Count != 32 || valid.Count < 16 || test.Count < 16)
            throw new InvalidOperationException($"the bundled LUDB records give {labeled.Count} labeled, {unlabeled.Count} unlabeled, {valid.Count} valid, {test.Count} test samples; the tiny indexes need 16 (2 subjects), 32, 16, 16");
        IndexCsv.Write(Path.Combine(layout.IndexDir, "TINY_train_labeled.csv"), labeled);
        IndexCsv.Write(Path.Combine(layout.IndexDir, "TINY_train_unlabeled.csv"), unlabeled);
        IndexCsv.Write(Path.Combine(layout.IndexDir, "TINY_valid.csv"), valid.Take(16));
        IndexCsv.Write(Path.Combine(layout.IndexDir, "TINY_test.csv"), test.Take(16));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return root;
    }
}
