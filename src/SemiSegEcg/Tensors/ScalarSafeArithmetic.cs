using static TorchSharp.torch;

namespace SemiSegEcg.Tensors;

/// <summary>
/// Tensor sums without TorchSharp's temporary <c>alpha = 1</c> Scalar (see <see cref="LongLivedScalars"/>): per-step code
/// writes <c>a.Plus(b)</c> where it would write <c>a + b</c>. Same kernel, same result. (TorchSharp 0.107's tensor
/// <c>-</c> passes no alpha, so differences need nothing.)
/// </summary>
public static class ScalarSafeArithmetic
{
    public static Tensor Plus(this Tensor left, Tensor right) => left.add(right, LongLivedScalars.One);

    /// <summary>The mean of the given tensors, summed left to right then divided by their count, as <c>(a + b) / 2</c>.</summary>
    public static Tensor MeanOf(params Tensor[] terms)
    {
        if (terms.Length == 0) throw new ArgumentException("MeanOf needs at least one tensor", nameof(terms));
        var sum = terms[0];
        for (int i = 1; i < terms.Length; i++) sum = sum.Plus(terms[i]);
        return sum.div(LongLivedScalars.Of((long)terms.Length));
    }
}
