namespace SemiSegEcg.Evaluation;

/// <summary>
/// Sums float32 values in the order PyTorch's CPU kernel does for a contiguous 1-D reduction (ATen
/// <c>SumKernel.cpp</c>, AVX2 build: 8-lane vectors, 4-way interleaving, a 4-level cascade over chunks of 16), so
/// float32 metrics such as torchmetrics' MeanIoU reproduce the reference bit for bit instead of to ~1e-7.
/// Valid below 32,768 values (above, torch may split the sum over threads).
/// </summary>
internal static class TorchFloat32Sum
{
    private const int VectorLanes = 8;
    private const int Interleave = 4;
    private const int Levels = 4;

    /// <summary>torch.mean of a contiguous float32 vector: the sum, then one float32 division by the count.</summary>
    public static float Mean(ReadOnlySpan<float> values) => Sum(values) / values.Length;

    public static float Sum(ReadOnlySpan<float> values)
    {
        if (values.Length < VectorLanes) return RowSum(values, lanes: 1)[0];

        // Whole vectors go through the lane-wise cascade; the tail is summed first, then the lanes are added in order.
        int vectorCount = values.Length / VectorLanes;
        float[] lanes = RowSum(values[..(vectorCount * VectorLanes)], VectorLanes);
        float total = 0f;
        for (int k = vectorCount * VectorLanes; k < values.Length; k++) total += values[k];
        for (int k = 0; k < VectorLanes; k++) total += lanes[k];
        return total;
    }

    /// <summary>
    /// Sums a row of <c>values.Length / lanes</c> items, each item being <paramref name="lanes"/> floats added lane-wise
    /// (lanes = 1 is the scalar path). Items are grouped in fours that accumulate separately, then folded in order.
    /// </summary>
    private static float[] RowSum(ReadOnlySpan<float> values, int lanes)
    {
        int itemCount = values.Length / lanes;
        int groupCount = itemCount / Interleave;
        var partial = MultiRowSum(values, lanes, groupCount);
        for (int i = groupCount * Interleave; i < itemCount; i++) AddItem(partial[0], values, lanes, i);
        for (int k = 1; k < Interleave; k++)
        {
            for (int l = 0; l < lanes; l++) partial[0][l] += partial[k][l];
        }
        return partial[0];
    }

    /// <summary>
    /// Column sums of a <c>(groupCount, Interleave)</c> array of items with a cascade: chunks of <c>levelStep</c>
    /// rows go into level 0, which is pushed up a level each time a chunk boundary at that level is crossed.
    /// </summary>
    private static float[][] MultiRowSum(ReadOnlySpan<float> values, int lanes, int groupCount)
    {
        int levelPower = Math.Max(4, CeilLog2(groupCount) / Levels);
        int levelStep = 1 << levelPower;
        long levelMask = levelStep - 1;
        var acc = new float[Levels][][];
        for (int j = 0; j < Levels; j++)
        {
            acc[j] = new float[Interleave][];
            for (int k = 0; k < Interleave; k++) acc[j][k] = new float[lanes];
        }

        int row = 0;
        while (row + levelStep <= groupCount)
        {
            for (int j = 0; j < levelStep; j++, row++)
            {
                for (int k = 0; k < Interleave; k++) AddItem(acc[0][k], values, lanes, row * Interleave + k);
            }
            for (int j = 1; j < Levels; j++)
            {
                for (int k = 0; k < Interleave; k++)
                {
                    for (int l = 0; l < lanes; l++)
                    {
                        acc[j][k][l] += acc[j - 1][k][l];
                        acc[j - 1][k][l] = 0f;
                    }
                }
                if ((row & (levelMask << (j * levelPower))) != 0) break;
            }
        }
        for (; row < groupCount; row++)
        {
            for (int k = 0; k < Interleave; k++) AddItem(acc[0][k], values, lanes, row * Interleave + k);
        }
        for (int j = 1; j < Levels; j++)
        {
            for (int k = 0; k < Interleave; k++)
            {
                for (int l = 0; l < lanes; l++) acc[0][k][l] += acc[j][k][l];
            }
        }
        return acc[0];
    }

    private static void AddItem(float[] accumulator, ReadOnlySpan<float> values, int lanes, int item)
    {
        for (int l = 0; l < lanes; l++) accumulator[l] += values[item * lanes + l];
    }

    private static int CeilLog2(int x) => x <= 2 ? 1 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(x - 1));
}
