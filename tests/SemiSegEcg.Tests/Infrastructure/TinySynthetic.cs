using SemiSegEcg.Config;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Synthetic;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// A synthetic database generated once per test run (<c>data prepare synthetic</c>: 10 records of 4 leads with exact
/// masks, split by subject 6 / 2 / 2) with small index files: 4 labeled samples (1 subject), 8 unlabeled, 4 valid,
/// 4 test, trained with batches of 4 (two steps an epoch). Needs nothing but the code: no bundled record, no download.
/// </summary>
public static class TinySynthetic
{
    public const int Labeled = 4;
    public const int Unlabeled = 8;
    public const int Valid = 4;
    public const int Test = 4;
    public const int BatchSize = 4;

    private static readonly Lazy<string> Root = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Data root holding <c>synthetic/</c> and <c>synthetic/index/TINY_*.csv</c>.</summary>
    public static string DataRoot => Root.Value;

    /// <summary>Loads a shipped base config onto the tiny synthetic indexes with a minimal budget; extra <c>key=value</c> overrides win.</summary>
    public static LoadedConfig Config(string baseConfig, string outputDir, params string[] set)
    {
        string path = Path.Combine(SharedData.RepoRoot, "configs", "base", baseConfig);
        var overrides = new List<string>
        {
            "train.epochs=1", "train.warmup_epochs=1", "dataloader.num_workers=1", $"dataloader.batch_size={BatchSize}",
            "dataset.ecg_dir=synthetic/ecg", "dataset.label_dir=synthetic/label", "dataset.index_dir=synthetic/index",
            "dataset.train_labeled_csv=TINY_train_labeled.csv", "dataset.train_unlabeled_csv=TINY_train_unlabeled.csv",
            "dataset.valid_csv=TINY_valid.csv", "dataset.test_csv=TINY_test.csv", "exp_name=tiny-synthetic",
        };
        overrides.AddRange(set);
        return ConfigLoader.Load(path, null, new CliOverrides { DataRoot = DataRoot, OutputDir = outputDir, Set = overrides });
    }

    private static string Prepare()
    {
        string root = Path.Combine(Path.GetTempPath(), $"semiseg-tiny-synthetic-{Environment.ProcessId}");
        string synthetic = Path.Combine(root, "synthetic");
        DatabasePreparation.Run(new SyntheticPreparer(10, generatorSeed: 5, new SyntheticEcgOptions { LeadCount = 4 }), synthetic, seed: 0);
        var layout = new PreparedLayout(synthetic, "SYNTH");
        var train = IndexCsv.Read(layout.UnlabeledIndex, requireLabels: true);
        var valid = IndexCsv.Read(layout.ValidIndex, requireLabels: true);
        var test = IndexCsv.Read(layout.TestIndex, requireLabels: true);
        string firstSubject = train[0].SubjectId;
        var labeled = train.Where(e => e.SubjectId == firstSubject).ToList();
        var unlabeled = train.Take(Unlabeled).ToList();
        valid = valid.Take(Valid).ToList();
        test = test.Take(Test).ToList();
        // The tests rely on this shape: a change of the generator or the splitter that breaks it must fail here.
        if (labeled.Count != Labeled || unlabeled.Count != Unlabeled || valid.Count != Valid || test.Count != Test)
            throw new InvalidOperationException($"the synthetic database gives {labeled.Count} labeled, {unlabeled.Count} unlabeled, {valid.Count} valid, " +
                $"{test.Count} test samples; the tiny indexes need {Labeled}, {Unlabeled}, {Valid}, {Test}");
        IndexCsv.Write(Path.Combine(layout.IndexDir, "TINY_train_labeled.csv"), labeled);
        IndexCsv.Write(Path.Combine(layout.IndexDir, "TINY_train_unlabeled.csv"), unlabeled);
        IndexCsv.Write(Path.Combine(layout.IndexDir, "TINY_valid.csv"), valid);
        IndexCsv.Write(Path.Combine(layout.IndexDir, "TINY_test.csv"), test);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return root;
    }
}
