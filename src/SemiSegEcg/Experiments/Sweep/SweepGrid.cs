using System.Globalization;
using SemiSegEcg.Config;

namespace SemiSegEcg.Experiments.Sweep;

/// <summary>
/// Expands a <see cref="SweepRequest"/> into runs (backbone → algorithm → dataset → ratio → seed, in the order given),
/// checking every name against what exists in the configs folder and loading every run's config once, so a typo or a
/// bad <c>--set</c> fails before anything starts.
/// </summary>
public static class SweepGrid
{
    public static IReadOnlyList<SweepRun> Expand(SweepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string baseRoot = Path.Combine(request.ConfigsRoot, "base");
        string benchRoot = Path.Combine(request.ConfigsRoot, "bench");
        if (!Directory.Exists(baseRoot) || !Directory.Exists(benchRoot))
            throw new DirectoryNotFoundException($"{request.ConfigsRoot}: not a configs folder (expected base/ and bench/ in it; pass --configs <DIR>)");
        if (request.Epochs is < 1) throw new ArgumentException($"--epochs must be at least 1, got {request.Epochs}");

        var backbones = Distinct(request.Backbones, "--backbones");
        var algorithms = Distinct(request.Algorithms, "--algorithms");
        var datasets = Distinct(request.Datasets, "--datasets");
        var ratios = request.Ratios.Distinct().ToList();
        var seeds = request.Seeds.Distinct().ToList();
        var draws = request.DrawsOrZero.Distinct().ToList();
        if (draws.Count == 0) throw new ArgumentException("--draws is empty");
        if (draws.Any(d => d < 0)) throw new ArgumentException("--draws: a label draw is 0 or more");
        if (draws.Any(d => d > 0) && datasets.Contains(SweepRequest.MergedDataset))
            throw new ArgumentException("--draws: the merged dataset has a single labeled set; sweep it separately with draw 0");
        if (ratios.Count == 0 && datasets.Any(d => d != SweepRequest.MergedDataset)) throw new ArgumentException("--ratios is empty");
        if (seeds.Count == 0) throw new ArgumentException("--seeds is empty");

        // A folder named _… holds the pieces the configs list in _base_ (configs/base/_shared), not a backbone.
        var validBackbones = Directory.GetDirectories(baseRoot).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('_')).Order(StringComparer.Ordinal).ToList();
        foreach (string b in backbones)
            if (!validBackbones.Contains(b)) throw Unknown("backbone", b, validBackbones, baseRoot);
        foreach (string b in backbones)
        {
            string folder = Path.Combine(baseRoot, b);
            var valid = YamlNames(folder);
            foreach (string a in algorithms)
                if (!valid.Contains(a)) throw new ArgumentException($"unknown algorithm '{a}' for backbone '{b}' (valid, from {folder}: {string.Join(", ", valid)})");
        }
        var validDatasets = Directory.GetDirectories(benchRoot).Select(Path.GetFileName).OfType<string>()
            .Where(d => d != CrossDomainFolder).Order(StringComparer.Ordinal).ToList();
        if (File.Exists(MergedOverride(benchRoot))) validDatasets.Add(SweepRequest.MergedDataset);
        foreach (string d in datasets)
        {
            if (!validDatasets.Contains(d)) throw Unknown("dataset", d, validDatasets, benchRoot);
            if (d == SweepRequest.MergedDataset) continue;
            string folder = Path.Combine(benchRoot, d);
            foreach (int r in ratios)
            {
                if (!File.Exists(RatioOverride(benchRoot, d, r)))
                {
                    var validRatios = YamlNames(folder).Where(n => n.StartsWith("1over", StringComparison.Ordinal))
                        .Select(n => int.TryParse(n[5..], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : 0).Where(v => v > 0).Order();
                    throw new ArgumentException($"ratio {r} has no override for dataset '{d}' ({RatioOverride(benchRoot, d, r)} not found); valid ratios: {string.Join(", ", validRatios)}");
                }
            }
        }

        IReadOnlyList<string> set = [.. EpochBudget.Assignments(request.Epochs), .. request.SetOrEmpty];

        var runs = new List<SweepRun>();
        foreach (string backbone in backbones)
        foreach (string algorithm in algorithms)
        {
            string baseConfig = Path.Combine(baseRoot, backbone, algorithm + ".yaml");
            string outputDir = Path.Combine(request.OutputRoot, backbone, algorithm);
            foreach (string dataset in datasets)
            {
                bool merged = dataset == SweepRequest.MergedDataset;
                foreach (int? ratio in merged ? [null] : ratios.Select(r => (int?)r))
                {
                    string overrideConfig = merged ? MergedOverride(benchRoot) : RatioOverride(benchRoot, dataset, ratio!.Value);
                    foreach (int draw in draws)
                    {
                        var runSet = draw == 0 ? set : DrawSet(baseConfig, overrideConfig, draw, set);
                        // Loading validates the merged config (and the user's --set) without touching any data.
                        int runEpochs = ConfigLoader.Load(baseConfig, overrideConfig, new CliOverrides { Set = runSet }).Config.Train.Epochs;
                        string drawFolder = draw == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"draw{draw}/");
                        foreach (int seed in seeds)
                        {
                            string expName = merged
                                ? string.Create(CultureInfo.InvariantCulture, $"{dataset}/seed{seed}")
                                : string.Create(CultureInfo.InvariantCulture, $"{dataset}/1over{ratio}/{drawFolder}seed{seed}");
                            runs.Add(new SweepRun(backbone, algorithm, dataset, ratio, seed, baseConfig, overrideConfig, outputDir,
                                expName, runSet, runEpochs, draw));
                        }
                    }
                }
            }
        }
        return runs;
    }

    /// <summary>
    /// The sets plus the draw's labeled index, named after the draw-0 index the config names after every set (so a
    /// user's own <c>dataset.train_labeled_csv</c> is drawn from, not silently replaced).
    /// </summary>
    private static IReadOnlyList<string> DrawSet(string baseConfig, string overrideConfig, int draw, IReadOnlyList<string> set)
    {
        string drawZero = ConfigLoader.Load(baseConfig, overrideConfig, new CliOverrides { Set = set }).Config.Dataset.TrainLabeledCsv;
        if (Data.Prepare.PreparedLayout.DrawOf(drawZero) is not null)
            throw new ArgumentException($"--draws: dataset.train_labeled_csv is already a label draw ({drawZero}); give the draw-0 index and let --draws choose");
        string assignment = "dataset.train_labeled_csv=" + Data.Prepare.PreparedLayout.LabeledIndexName(drawZero, draw);
        return [.. set, assignment];
    }

    /// <summary>Parses <c>0,1,2</c> or ranges such as <c>0-4</c> (and mixes: <c>0,3-5</c>).</summary>
    public static IReadOnlyList<int> ParseIntegers(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-', 1);
            if (dash > 0 && int.TryParse(part[..dash], NumberStyles.Integer, CultureInfo.InvariantCulture, out int from)
                && int.TryParse(part[(dash + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out int to) && to >= from)
            {
                for (int v = from; v <= to; v++) values.Add(v);
            }
            else if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
            {
                values.Add(v);
            }
            else
            {
                throw new ArgumentException($"{option}: '{part}' is not an integer or a range like 0-4");
            }
        }
        if (values.Count == 0) throw new ArgumentException($"{option}: no values given");
        return values;
    }

    /// <summary>Splits <c>a,b,c</c> into trimmed, lower-case names.</summary>
    public static IReadOnlyList<string> ParseNames(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).ToList();

    private const string CrossDomainFolder = "cross_domain";

    private static string MergedOverride(string benchRoot) => Path.Combine(benchRoot, CrossDomainFolder, "merged.yaml");

    private static string RatioOverride(string benchRoot, string dataset, int ratio) =>
        Path.Combine(benchRoot, dataset, string.Create(CultureInfo.InvariantCulture, $"1over{ratio}.yaml"));

    private static List<string> YamlNames(string folder) =>
        Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static List<string> Distinct(IReadOnlyList<string> names, string option)
    {
        var list = names.Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? throw new ArgumentException($"{option} is empty") : list;
    }

    private static ArgumentException Unknown(string what, string name, IEnumerable<string> valid, string folder) =>
        new($"unknown {what} '{name}' (valid, from {folder}: {string.Join(", ", valid)})");
}
