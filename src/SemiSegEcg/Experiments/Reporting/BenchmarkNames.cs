using System.Globalization;
using SemiSegEcg.Config;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>The benchmark's spellings and orders: algorithms as config names (<c>base</c> → <c>scratch</c>), datasets, ratios.</summary>
public static class BenchmarkNames
{
    /// <summary>The paper's method order: the supervised baseline first.</summary>
    public static IReadOnlyList<string> AlgorithmOrder { get; } =
        ["scratch", "scratch_step_matched", "mean_teacher", "fixmatch", "cps", "reco", "stpp", "stpp_reference", "unimatch"];

    public static IReadOnlyList<string> DatasetOrder { get; } = ["ludb", "qtdb", "isp", "zhejiang", "merged"];

    /// <summary>The config-folder name of an algorithm (<c>configs/base/&lt;backbone&gt;/&lt;name&gt;.yaml</c>).</summary>
    public static string Algorithm(AlgorithmKind kind) => kind == AlgorithmKind.Base ? "scratch" : ConfigBinder.NameOf(kind);

    /// <summary>The method a run's config trained, telling apart the variants a switch selects (step-matched baseline, original ST++ selection).</summary>
    public static string Algorithm(ExperimentConfig config) => config.Algorithm switch
    {
        AlgorithmKind.Base when config.Train.StepMatched => "scratch_step_matched",
        AlgorithmKind.Stpp when config.Train.StppReferenceSelection => "stpp_reference",
        var kind => Algorithm(kind),
    };

    public static string AlgorithmTitle(string algorithm) => algorithm switch
    {
        "scratch" => "Supervised",
        "scratch_step_matched" => "Supervised (step-matched)",
        "stpp_reference" => "ST++ (original selection)",
        "mean_teacher" => "Mean Teacher",
        "fixmatch" => "FixMatch",
        "cps" => "CPS",
        "reco" => "ReCo",
        "stpp" => "ST++",
        "unimatch" => "UniMatch",
        _ => algorithm,
    };

    public static string DatasetTitle(string dataset) => dataset switch
    {
        "ludb" => "LUDB",
        "qtdb" => "QTDB",
        "isp" => "ISP",
        "zhejiang" => "Zhejiang",
        "merged" => "Cross-domain",
        _ => dataset,
    };

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
