using SemiSegEcg.Config;

namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>The options of a method without <c>train</c> keys of its own (the supervised baseline, CPS).</summary>
public sealed record NoOptions : IMethodOptions
{
    public void Validate(ConfigChecks check)
    {
    }
}
