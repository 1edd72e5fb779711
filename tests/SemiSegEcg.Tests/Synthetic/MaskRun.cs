namespace SemiSegEcg.Tests.Synthetic;

/// <summary>A maximal run of one label in a mask, first and last sample inclusive.</summary>
internal readonly record struct MaskRun(byte Label, int First, int Last)
{
    public static List<MaskRun> Of(byte[] mask)
    {
        var runs = new List<MaskRun>();
        int start = 0;
        for (int i = 1; i <= mask.Length; i++)
        {
            if (i < mask.Length && mask[i] == mask[start]) continue;
            runs.Add(new MaskRun(mask[start], start, i - 1));
            start = i;
        }
        return runs;
    }
}
