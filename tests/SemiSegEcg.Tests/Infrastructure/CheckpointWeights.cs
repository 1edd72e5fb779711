using SemiSegEcg.Config;
using SemiSegEcg.Experiments;

namespace SemiSegEcg.Tests.Infrastructure;

public static class CheckpointWeights
{
    /// <summary>Asserts that two checkpoints hold bit-identical evaluated networks (every parameter and buffer).</summary>
    public static void AssertEqual(string expected, string actual, ExperimentConfig config)
    {
        using var a = ExperimentModels.Create(config);
        using var b = ExperimentModels.Create(config);
        ExperimentRunner.LoadWeights(a, expected);
        ExperimentRunner.LoadWeights(b, actual);
        var actualState = b.state_dict();
        foreach (var (key, value) in a.state_dict())
            Assert.True(value.equal(actualState[key]).all().item<bool>(), $"{key} of {actual} differs from {expected}");
    }
}
