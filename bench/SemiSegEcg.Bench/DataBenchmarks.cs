using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Bench;

/// <summary><c>prepare ludb</c> from the raw WFDB files, and the one-time preprocessing of every LUDB sample.</summary>
internal static class DataBenchmarks
{
    public static void Run(string rawLudb, int reps)
    {
        string output = Path.Combine(Path.GetTempPath(), $"bench-ludb-{Environment.ProcessId}");
        var prepare = new List<double>();
        var preprocess = new List<double>();
        try
        {
            for (int r = 0; r < reps; r++)
            {
                prepare.Add(Timing.Ms(() => DatabasePreparation.Run(new LudbPreparer(rawLudb, new MaskOptions()), output, seed: 0)));
                var layout = new PreparedLayout(output, "LUDB");
                var entries = new[] { layout.UnlabeledIndex, layout.ValidIndex, layout.TestIndex }.SelectMany(p => IndexCsv.Read(p, requireLabels: true)).ToList();
                var preprocessing = new EcgPreprocessor();
                preprocess.Add(Timing.Ms(() => SampleStore.Load(entries, layout.EcgDir, layout.LabelDir, true, preprocessing)));
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
        Timing.Report("data", new Dictionary<string, double>
        {
            ["prepare_ludb_ms"] = Timing.Median(prepare),
            ["preprocess_2369_samples_ms"] = Timing.Median(preprocess),
            ["threads"] = Environment.ProcessorCount,
        });
    }
}
