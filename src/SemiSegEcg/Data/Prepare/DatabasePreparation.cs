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
    public static PrepareSummary Run(IDatabasePreparer preparer, string outputRoot, long seed, IProgress<int>? recordsDone = null)
    {
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

        var splits = preparer.IsLabeled ? WriteLabeledIndexes(preparer, layout, infos, seed) : WriteUnlabeledIndex(layout, infos);
        var summary = new PrepareSummary(preparer.Database, Path.GetFullPath(outputRoot), seed, splits, dropped, preparer.Options);
        AtomicFile.WriteAllText(layout.SummaryPath, JsonSerializer.Serialize(summary, JsonOptions));
        return summary;
    }

    private static List<SplitStatistics> WriteLabeledIndexes(IDatabasePreparer preparer, PreparedLayout layout,
        List<SampleInfo> infos, long seed)
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
        foreach (var (ratio, subjects) in split.LabeledSubjects)
        {
            var labeled = Select(subjects);
            IndexCsv.Write(layout.LabeledIndex(ratio), labeled.Select(Entry));
            stats.Add(SplitStatistics.Of($"train 1/{ratio}", labeled));
        }
        return stats;
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
