namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>The file names of configs/base/&lt;model folder&gt;/: one per training method, the same in every model folder.</summary>
public static class ShippedConfigNames
{
    public static IReadOnlyList<string> Algorithms { get; } = ["scratch", "mean_teacher", "fixmatch", "cps", "reco", "stpp", "unimatch"];
}
