using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Config;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>Typed access to the bound options of a config's method, failing the test when the method has others.</summary>
internal static class MethodOptionsAccess
{
    public static TOptions MethodOptions<TOptions>(this ExperimentConfig config) where TOptions : IMethodOptions =>
        Assert.IsType<TOptions>(config.Algorithm.Options);
}
