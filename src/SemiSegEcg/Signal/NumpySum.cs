namespace SemiSegEcg.Signal;

/// <summary>
/// numpy's float64 <c>add.reduce</c> over a contiguous array: pairwise summation with 8 partial sums in blocks of at
/// most 128 values. Using the same order keeps means and variances within the last bit of the reference.
/// </summary>
internal static class NumpySum
{
    private const int BlockSize = 128;

    public static double Pairwise(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 8)
        {
            double sum = 0.0;
            for (int i = 0; i < n; i++) sum += values[i];
            return sum;
        }
        if (n <= BlockSize)
        {
            double r0 = values[0], r1 = values[1], r2 = values[2], r3 = values[3];
            double r4 = values[4], r5 = values[5], r6 = values[6], r7 = values[7];
            int i;
            for (i = 8; i < n - n % 8; i += 8)
            {
                r0 += values[i];
                r1 += values[i + 1];
                r2 += values[i + 2];
                r3 += values[i + 3];
                r4 += values[i + 4];
                r5 += values[i + 5];
                r6 += values[i + 6];
                r7 += values[i + 7];
            }
            double result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) result += values[i];
            return result;
        }
        int half = n / 2;
        half -= half % 8;
        return Pairwise(values[..half]) + Pairwise(values[half..]);
    }
}
