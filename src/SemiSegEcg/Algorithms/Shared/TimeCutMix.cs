using SemiSegEcg.Tensors;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms.Shared;

/// <summary>
/// CutMix along time (UniMatch's image CutMix made 1-D): a segment of each sample is replaced by the same segment of
/// the next sample in the batch (b+1 mod B), and its pseudo-labels follow. Segments are drawn as the paper draws its
/// boxes — applied with probability 0.5, covering a uniform 2–40 % of the length at a uniform start — from torch's
/// default generator, so seeded runs reproduce and resume.
/// </summary>
public static class TimeCutMix
{
    /// <summary>A <c>(B, T)</c> boolean mask with at most one segment per sample.</summary>
    public static Tensor DrawSegments(long batch, long lengthSamples, Device device,
        double probability = 0.5, double minFraction = 0.02, double maxFraction = 0.4)
    {
        if (batch < 1 || lengthSamples < 1)
            throw new ArgumentOutOfRangeException(nameof(batch), $"a cutmix mask needs a non-empty batch, got {batch} × {lengthSamples}");
        if (!(minFraction > 0 && minFraction <= maxFraction && maxFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(minFraction), $"segment fractions must satisfy 0 < min ≤ max ≤ 1, got {minFraction} and {maxFraction}");
        using var scope = NewDisposeScope();
        var u = rand([batch, 3], ScalarType.Float64, device);
        var length = LongLivedScalars.Of(lengthSamples);
        var applied = u[.., 0].lt(LongLivedScalars.Of(probability));
        var segment = u[.., 1].mul(LongLivedScalars.Of(maxFraction - minFraction)).add(LongLivedScalars.Of(minFraction), LongLivedScalars.One).mul(length)
            .floor().clamp(LongLivedScalars.One, length).to(ScalarType.Int64);
        var latestStart = segment.neg().add(length, LongLivedScalars.One);
        var start = u[.., 2].mul(latestStart.add(LongLivedScalars.One, LongLivedScalars.One)).floor().to(ScalarType.Int64).minimum(latestStart);
        var time = arange(LongLivedScalars.Of(0L), length, LongLivedScalars.One, ScalarType.Int64, device).unsqueeze(0);
        var mask = time.ge(start.unsqueeze(1)).logical_and(time.lt(start.Plus(segment).unsqueeze(1))).logical_and(applied.unsqueeze(1));
        return mask.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <paramref name="x"/> <c>(B, ..., T)</c> with the positions where <paramref name="segments"/> <c>(B, T)</c> is true
    /// taken from the next sample in the batch.
    /// </summary>
    public static Tensor FromNextSample(Tensor x, Tensor segments)
    {
        if (x.dim() < 2 || segments.dim() != 2 || x.shape[0] != segments.shape[0] || x.shape[^1] != segments.shape[1])
        {
            throw new ArgumentException(
                $"cutmix: tensor ({string.Join(", ", x.shape)}) and segments ({string.Join(", ", segments.shape)}) must share batch and length");
        }
        using var scope = NewDisposeScope();
        var shape = new long[x.dim()];
        Array.Fill(shape, 1L);
        shape[0] = segments.shape[0];
        shape[^1] = segments.shape[1];
        return where(segments.view(shape), x.roll(-1, 0), x).MoveToOuterDisposeScope();
    }
}
