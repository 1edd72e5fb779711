using SemiSegEcg.Data;
namespace SemiSegEcg.Evaluation;

/// <summary>
/// One run's test outputs in memory: softmax probabilities <c>(N, C=4, T)</c> plus per-sample labels derived from
/// them and from the one-hot ground truth.
/// </summary>
/// <param name="Probabilities">Flat <c>(N, 4, T)</c>, C order.</param>
/// <param name="Truths">Per sample, the true class per position; <see cref="WaveLabels.Ignore"/> where the one-hot row was all zeros.</param>
/// <param name="Predictions">Per sample, the first most probable class per position (argmax).</param>
public sealed record TestOutputs(int SampleCount, int LengthSamples, float[] Probabilities, IReadOnlyList<long[]> Truths, IReadOnlyList<long[]> Predictions)
{
    /// <summary>Sample <paramref name="index"/>'s probabilities, <c>(4, T)</c>.</summary>
    public ReadOnlySpan<float> ProbabilitiesOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SampleCount);
        int stride = WaveLabels.ClassCount * LengthSamples;
        return Probabilities.AsSpan(index * stride, stride);
    }
}
