using System.Globalization;
using System.Text.RegularExpressions;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Training;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// Finds every tested run under a root (a folder holding <c>config.yaml</c> and <c>test_outputs.npy</c>, or only its
/// <c>evaluation.json</c>, as under results/) and reads what identifies it from its saved config, without needing the
/// data: algorithm, backbone (with its head's <see cref="HeadEntry.ReportSuffix"/>, <c>+UNet</c>), dataset (first segment of <c>exp_name</c>, else the index file prefix), labeled ratio (<c>1overN</c> in
/// <c>train_labeled_csv</c>, else in <c>exp_name</c>), label draw (<c>_draw&lt;k&gt;</c> in <c>train_labeled_csv</c>, else
/// a <c>draw&lt;k&gt;</c> segment of <c>exp_name</c>, else 0), seed. A run that cannot be read becomes a warning, not a failure.
/// </summary>
public static partial class RunCollector
{
    public static IReadOnlyList<CollectedRun> Collect(string root, ICollection<string>? warnings = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root}: run root not found");
        var runs = new List<CollectedRun>();
        // A run is found by its test outputs, or by its evaluation summary alone: the small files committed under
        // results/ (config, log, metrics, evaluation.json) are enough to report a run whose .npy outputs were not kept.
        var folders = Directory.EnumerateFiles(root, TestOutputsReader.OutputsFileName, SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(root, EvaluationCache.FileName, SearchOption.AllDirectories))
            .Select(f => Path.GetDirectoryName(f)!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (string folder in folders)
        {
            var run = new RunDirectory(folder);
            if (!File.Exists(run.ConfigFile))
            {
                warnings?.Add($"{folder}: skipped, it has {TestOutputsReader.OutputsFileName} or {EvaluationCache.FileName} but no config.yaml");
                continue;
            }
            progress?.Report(folder);
            try
            {
                runs.Add(Read(folder));
            }
            catch (Exception e) when (e is InvalidDataException or ConfigException or IOException or ArgumentException)
            {
                warnings?.Add($"{folder}: skipped: {e.Message}");
            }
        }
        return KeepNewestOfDuplicates(runs, warnings);
    }

    /// <summary>Reads one run folder (config identity plus cached or freshly computed metrics).</summary>
    public static CollectedRun Read(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        var run = new RunDirectory(runDirectory);
        var config = ConfigLoader.FromNode(ConfigReader.ReadFile(run.ConfigFile)).Config;
        string backbone = config.Backbone.Name + HeadCatalog.Find(config.DecodeHead.Name)?.ReportSuffix;
        var (metrics, samples) = EvaluationCache.Load(runDirectory);
        return new CollectedRun(runDirectory, BenchmarkNames.Algorithm(config), backbone, Dataset(config), Ratio(config),
            config.Seed, samples, config.Train.Epochs, Path.GetFileName(config.Dataset.TestCsv ?? ""), metrics, Draw(config),
            config.Train.EarlyStopPatience);
    }

    private static string Dataset(ExperimentConfig config)
    {
        string first = (config.ExpName ?? "").Split('/', '\\')[0].ToLowerInvariant();
        if (first == "cross_domain") return "merged";
        if (BenchmarkNames.DatasetOrder.Contains(first)) return first;
        string index = Path.GetFileName(config.Dataset.TrainLabeledCsv);
        int underscore = index.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0) return index[..underscore].ToLowerInvariant();
        return first.Length > 0 ? first : "unknown";
    }

    private static int? Ratio(ExperimentConfig config)
    {
        var match = RatioPattern().Match(Path.GetFileName(config.Dataset.TrainLabeledCsv));
        if (!match.Success)
        {
            match = (config.ExpName ?? "").Split('/', '\\').Select(s => RatioSegmentPattern().Match(s)).FirstOrDefault(m => m.Success) ?? Match.Empty;
        }
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static int Draw(ExperimentConfig config)
    {
        if (PreparedLayout.DrawOf(config.Dataset.TrainLabeledCsv) is int draw) return draw;
        var match = (config.ExpName ?? "").Split('/', '\\').Select(s => DrawSegmentPattern().Match(s)).FirstOrDefault(m => m.Success) ?? Match.Empty;
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// Of runs identical in everything a table shows and in their budget and test set, keeps the newest (with a
    /// warning); runs that differ in budget or test set are all kept, for <see cref="ComparableRuns"/> to refuse.
    /// </summary>
    private static List<CollectedRun> KeepNewestOfDuplicates(List<CollectedRun> runs, ICollection<string>? warnings)
    {
        var kept = new List<CollectedRun>();
        foreach (var group in runs.GroupBy(r => (r.Algorithm, r.Backbone, r.Dataset, r.Ratio, r.Draw, r.Seed, r.Epochs, r.EarlyStopPatience, r.SampleCount, r.TestIndex)))
        {
            // The test outputs' time, or the evaluation summary's where only that was kept (results/).
            var ordered = group.OrderByDescending(r => new[] { TestOutputsReader.OutputsFileName, EvaluationCache.FileName }
                .Select(f => Path.Combine(r.Directory, f)).Where(File.Exists).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty().Max()).ToList();
            if (ordered.Count > 1)
            {
                warnings?.Add($"{ordered.Count} runs are {group.Key.Backbone}/{group.Key.Algorithm} {group.Key.Dataset} {BenchmarkNames.RatioTitle(group.Key.Ratio)} draw {group.Key.Draw} seed {group.Key.Seed}; "
                    + $"using the newest, {ordered[0].Directory} (ignored: {string.Join(", ", ordered.Skip(1).Select(r => r.Directory))})");
            }
            kept.Add(ordered[0]);
        }
        return kept;
    }

    [GeneratedRegex(@"1over(\d+)")]
    private static partial Regex RatioPattern();

    [GeneratedRegex(@"^1over(\d+)$")]
    private static partial Regex RatioSegmentPattern();

    [GeneratedRegex(@"^draw(\d+)$")]
    private static partial Regex DrawSegmentPattern();
}
