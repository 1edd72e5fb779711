using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Tests.Data.Generators;

/// <summary>A wave as a fixture file states it: class 1 P, 2 QRS, 3 T; onset and offset as written (offset = last sample).</summary>
public readonly record struct FixtureSpan(byte ClassId, long Onset, long Offset)
{
    /// <summary>
    /// Expected mask of a <paramref name="length"/>-sample window starting at record sample <paramref name="start"/>
    /// of a record with <paramref name="recordLength"/> samples, painted independently of the library: each span
    /// from its onset to its offset (inclusive rule) or to offset − 1 (exclusive), clipped to the recorded part;
    /// padding (past the record) is 0, or 255 with ignore, which also marks samples before the first onset and
    /// after the last offset.
    /// </summary>
    public static byte[] ExpectedMask(IEnumerable<FixtureSpan> spans, long recordLength, long start, int length, OffsetRule rule,
        UnannotatedPolicy unannotated = UnannotatedPolicy.Background)
    {
        var list = spans.Where(s => s.Onset <= s.Offset && s.Onset < recordLength && s.Offset >= 0).OrderBy(s => s.Onset).ToList();
        var mask = new byte[length];
        for (int i = 0; i < length; i++)
        {
            long t = start + i;
            if (t >= recordLength)
            {
                mask[i] = unannotated == UnannotatedPolicy.Ignore ? WaveLabels.Ignore : WaveLabels.Background;
                continue;
            }
            foreach (var s in list)
            {
                long last = rule == OffsetRule.Inclusive ? s.Offset : s.Offset - 1;
                if (t >= s.Onset && t <= last) mask[i] = s.ClassId;
            }
            if (unannotated == UnannotatedPolicy.Ignore && list.Count > 0 && (t < list.Min(s => s.Onset) || t > list.Max(s => s.Offset)))
                mask[i] = WaveLabels.Ignore;
        }
        return mask;
    }
}
