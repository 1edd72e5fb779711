using SemiSegEcg.Randomness;

namespace SemiSegEcg.Synthetic;

/// <summary>
/// A training set of single-lead samples cut from synthetic records: record i (one subject) is
/// <c>SyntheticEcgGenerator.Generate(options, RecordSeed(seed, i))</c> and yields one sample per lead, all with the
/// record's mask. Records are generated lazily, one at a time.
/// </summary>
public static class SyntheticDataset
{
    public static IEnumerable<SyntheticSample> Generate(int count, SyntheticEcgOptions options, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Enumerate(count, options, seed);
    }

    /// <summary>The seed of record <paramref name="index"/> of the dataset with <paramref name="seed"/>.</summary>
    public static long RecordSeed(long seed, int index) => unchecked((long)SeededRandom.Derive(seed, index).NextUInt64());

    /// <summary>Subject id of a record: the dataset seed and the record index, so two datasets never share a subject unless they share a seed.</summary>
    public static string SubjectId(long seed, int index) => $"synthetic-s{seed}-r{index:D4}";

    private static IEnumerable<SyntheticSample> Enumerate(int count, SyntheticEcgOptions options, long seed)
    {
        for (int i = 0; i < count; i++)
        {
            var ecg = SyntheticEcgGenerator.Generate(options, RecordSeed(seed, i));
            string subject = SubjectId(seed, i);
            for (int lead = 0; lead < ecg.Leads.Length; lead++)
            {
                var signal = Array.ConvertAll(ecg.Leads[lead], v => (float)v);
                yield return new SyntheticSample($"{subject}-{ecg.LeadNames[lead]}", subject, ecg.SamplingRateHz, signal, (byte[])ecg.Mask.Clone());
            }
        }
    }
}
