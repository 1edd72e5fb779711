using System.Text.Json;
using SemiSegEcg.Data.Index;
using SemiSegEcg.IO;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Writes a prepared database: every sample's files, the split indexes and <c>summary.json</c>. Every file is written
/// atomically, so re-running over an existing output is safe; sample files a previous run left that this run did not
/// produce are removed from <c>ecg/</c> and <c>label/</c>, so indexes and folders always agree.
/// </summary>
public static class DatabasePreparation
{
    /// <param name="labelDraws">
    /// Independent draws of the nested labeled subsets of the same training subjects: draw 0 is the original's files,
    /// draws 1 … N−1 are written as <c>&lt;PREFIX&gt;_train_labeled_1over{r}_draw{k}.csv</c>.
    /// </param>
    /// <param name="tiny">Also writes <see cref="PreparedLayout.TinyIndex"/> files: the first <see cref="TinySamples"/>
    /// samples of the smallest labeled subset that holds that many (of the largest when none does), the training,
    /// validation and test indexes, for smoke tests.</param>
    public static PrepareSummary Run(IDatabasePreparer preparer, string outputRoot, long seed, IProgress<int>? recordsDone = null,
        int labelDraws = 1, bool tiny = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(labelDraws, 1);
        if (labelDraws > 1 && !preparer.IsLabeled)
            throw new ArgumentException($"{preparer.Database} has no labels: label draws need a labeled database");
        if (tiny && !preparer.IsLabeled)
            throw new ArgumentException($"{preparer.Database} has no labels: the tiny index files need a labeled database");
        var layout = new PreparedLayout(outputRoot, preparer.Prefix);
        Directory.CreateDirectory(layout.EcgDir);
        Directory.CreateDirectory(layout.IndexDir);
        if (preparer.IsLabeled) Directory.CreateDirectory(layout.LabelDir);

        var dropped = new List<DroppedItem>();
        var infos = new List<SampleInfo>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in preparer.ReadSamples(dropped, recordsDone))
        {
            if (!names.Add(sample.Name))
                throw new InvalidOperationException($"{preparer.Database}: two samples are named '{sample.Name}'");
            string file = PreparedLayout.FileName(sample.Name);
            NpyFile.Write(Path.Combine(layout.EcgDir, file), sample.Signal, sample.Signal.Length);
            if (sample.Label is { } label)
                NpyFile.Write(Path.Combine(layout.LabelDir, file), label, label.Length);
            infos.Add(SampleInfo.Of(sample));
        }
        if (infos.Count == 0)
            throw new InvalidDataException($"{preparer.Database}: no usable sample found ({dropped.Count} items dropped)");
        RemoveStaleFiles(layout.EcgDir, names);
        if (preparer.IsLabeled) RemoveStaleFiles(layout.LabelDir, names);

        var draws = new List<LabeledDraw>();
        var splits = preparer.IsLabeled
            ? WriteLabeledIndexes(preparer, layout, infos, seed, labelDraws, draws, tiny)
            : WriteUnlabeledIndex(layout, infos);
        var summary = new PrepareSummary(preparer.Database, Path.GetFullPath(outputRoot), seed, splits, dropped, preparer.Options, draws);
        AtomicFile.WriteAllText(layout.SummaryPath, JsonSerializer.Serialize(summary, JsonOptions));
        return summary;
    }

    private static List<SplitStatistics> WriteLabeledIndexes(IDatabasePreparer preparer, PreparedLayout layout,
        List<SampleInfo> infos, long seed, int labelDraws, List<LabeledDraw> draws, bool tiny)
    {
        var split = preparer.Split(infos, seed);
        List<SampleInfo> Select(IEnumerable<string> subjects)
        {
            var set = subjects.ToHashSet(StringComparer.Ordinal);
            return infos.Where(i => set.Contains(i.SubjectId)).ToList();
        }

        var train = Select(split.Train);
        var valid = Select(split.Valid);
        var test = Select(split.Test);
        IndexCsv.Write(layout.UnlabeledIndex, train.Select(Entry));
        IndexCsv.Write(layout.ValidIndex, valid.Select(Entry));
        IndexCsv.Write(layout.TestIndex, test.Select(Entry));
        var stats = new List<SplitStatistics>
        {
            SplitStatistics.Of("train", train),
            SplitStatistics.Of("valid", valid),
            SplitStatistics.Of("test", test),
        };
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (int draw = 0; draw < labelDraws; draw++)
        {
            foreach (var (ratio, subjects) in SubjectSplitter.LabeledDraw(split, seed, draw))
            {
                var labeled = Select(subjects);
                string path = layout.LabeledIndex(ratio, draw);
                IndexCsv.Write(path, labeled.Select(Entry));
                written.Add(Path.GetFileName(path));
                draws.Add(new LabeledDraw(draw, ratio, Path.GetFileName(path), subjects));
                stats.Add(SplitStatistics.Of(draw == 0 ? $"train 1/{ratio}" : $"train 1/{ratio} draw {draw}", labeled));
            }
        }
        // Draws a previous preparation wrote beyond this one's count would disagree with summary.json.
        foreach (string stale in Directory.EnumerateFiles(layout.IndexDir, "*.csv"))
        {
            string name = Path.GetFileName(stale);
            if (layout.IsLabeledDrawIndex(name) && !written.Contains(name)) File.Delete(stale);
        }
        // Tiny indexes of an earlier preparation would list another split's samples: written anew or removed.
        if (tiny)
        {
            // The smallest labeled subset that fills a batch: in a small database 1/16 can be a single 12-lead subject.
            var ratios = split.LabeledSubjects.Keys.OrderDescending().ToList();
            WriteTinyIndexes(layout, ratios.FirstOrDefault(r => Select(split.LabeledSubjects[r]).Count >= TinySamples, ratios[^1]));
        }
        else foreach (string file in PreparedLayout.TinySplits.Select(layout.TinyIndex)) File.Delete(file);
        return stats;
    }

    /// <summary>How many samples each <c>--tiny</c> index lists: one batch of the shipped configs.</summary>
    public const int TinySamples = 16;

    private static void WriteTinyIndexes(PreparedLayout layout, int labeledRatio)
    {
        string[] sources = [layout.LabeledIndex(labeledRatio), layout.UnlabeledIndex, layout.ValidIndex, layout.TestIndex];
        for (int i = 0; i < sources.Length; i++)
            IndexCsv.Write(layout.TinyIndex(PreparedLayout.TinySplits[i]), IndexCsv.Read(sources[i], requireLabels: true).Take(TinySamples));
    }

    private static List<SplitStatistics> WriteUnlabeledIndex(PreparedLayout layout, List<SampleInfo> infos)
    {
        IndexCsv.Write(layout.UnlabeledIndex, infos.Select(Entry));
        return [SplitStatistics.Of("unlabeled", infos)];
    }

    private static IndexEntry Entry(SampleInfo info)
    {
        string file = PreparedLayout.FileName(info.Name);
        return new IndexEntry(file, info.HasLabel ? file : null, info.SampleRateHz, info.SubjectId);
    }

    private static void RemoveStaleFiles(string directory, HashSet<string> keep)
    {
        foreach (string path in Directory.EnumerateFiles(directory, "*.npy"))
        {
            if (!keep.Contains(Path.GetFileNameWithoutExtension(path))) File.Delete(path);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
