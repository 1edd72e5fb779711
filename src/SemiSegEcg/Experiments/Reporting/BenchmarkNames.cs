using System.Globalization;
using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Experiments.Sweep;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>The benchmark's spellings and orders, from the catalogs: algorithms as report names (<c>base</c> → <c>scratch</c>), datasets, ratios.</summary>
public static class BenchmarkNames
{
    /// <summary>The paper's method order (the catalog's, the supervised baseline first), each method followed by its variants.</summary>
    public static IReadOnlyList<string> AlgorithmOrder { get; } = MethodCatalog.ReportNames.Select(n => n.Name).ToArray();

    /// <summary>The catalog's benchmarked databases in the paper's order, then the cross-domain set.</summary>
    public static IReadOnlyList<string> DatasetOrder { get; } = [.. DatabaseCatalog.Benchmarked.Select(d => d.Key), SweepRequest.MergedDataset];

    private const string CrossDomainTitle = "Cross-domain";

    /// <summary>The method a run's config trained, telling apart the variants a switch selects (step-matched baseline, original ST++ selection).</summary>
    public static string Algorithm(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Algorithm.ReportName(config.Train);
    }

    /// <summary>The catalog's title of a report name; an unknown name is its own title.</summary>
    public static string AlgorithmTitle(string algorithm) =>
        MethodCatalog.ReportNames.FirstOrDefault(n => n.Name == algorithm).Title ?? algorithm;

    /// <summary>The catalog's title of a benchmarked database, <c>Cross-domain</c> for the merged set; an unknown name is its own title.</summary>
    public static string DatasetTitle(string dataset) =>
        dataset == SweepRequest.MergedDataset ? CrossDomainTitle
        : DatabaseCatalog.Benchmarked.FirstOrDefault(d => d.Key == dataset)?.Title ?? dataset;

    /// <summary><c>1/16</c>, or <c>all</c> for a run without a labeled fraction (the cross-domain set).</summary>
    public static string RatioTitle(int? ratio) => ratio is int r ? string.Create(CultureInfo.InvariantCulture, $"1/{r}") : "all";

    /// <summary>Sort key: known names in benchmark order, others after them alphabetically.</summary>
    public static (int, string) AlgorithmKey(string algorithm) => (IndexOr(AlgorithmOrder, algorithm), algorithm);

    public static (int, string) DatasetKey(string dataset) => (IndexOr(DatasetOrder, dataset), dataset);

    private static int IndexOr(IReadOnlyList<string> order, string name)
    {
        for (int i = 0; i < order.Count; i++) if (order[i] == name) return i;
        return order.Count;
    }
}
