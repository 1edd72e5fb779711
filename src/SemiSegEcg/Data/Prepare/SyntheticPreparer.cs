using System.Globalization;
using SemiSegEcg.Synthetic;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// A synthetic database with exact masks (<see cref="SyntheticEcgGenerator"/>): <paramref name="recordCount"/> 10-s
/// 12-lead records, each a subject, written in the same layout as the real databases — for the zero-download demo and
/// for trying the pipeline without any download.
/// </summary>
public sealed class SyntheticPreparer(int recordCount, long generatorSeed = 0, SyntheticEcgOptions? options = null) : IDatabasePreparer
{
    /// <summary>The catalog entry of <c>data prepare synthetic</c>: generated records, no download.</summary>
    public static DatabaseEntry Entry { get; } = new("synthetic", "Synthetic", "SYNTH", IsLabeled: true, DatabaseSource.Generated,
        inputs => new SyntheticPreparer(inputs.Records));

    private readonly SyntheticEcgOptions _options = options ?? new SyntheticEcgOptions();

    public string Database => Entry.Title;
    public string Prefix => Entry.Prefix;
    public bool IsLabeled => Entry.IsLabeled;
    public int RecordCount => recordCount;

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["records"] = recordCount.ToString(CultureInfo.InvariantCulture),
        ["generator_seed"] = generatorSeed.ToString(CultureInfo.InvariantCulture),
        ["sampling_rate_hz"] = _options.SamplingRateHz.ToString(CultureInfo.InvariantCulture),
        ["leads"] = _options.LeadCount.ToString(CultureInfo.InvariantCulture),
    };

    public IEnumerable<PreparedSample> ReadSamples(ICollection<DroppedItem> dropped, IProgress<int>? recordsDone = null)
    {
        if (recordCount < 5) throw new ArgumentOutOfRangeException(nameof(recordCount), recordCount, "a synthetic database needs at least 5 records to split");
        int leads = _options.LeadCount, done = 0, index = 0;
        foreach (var sample in SyntheticDataset.Generate(recordCount, _options, generatorSeed))
        {
            yield return new PreparedSample(sample.Name, sample.SubjectId, sample.SamplingRateHz, sample.Signal, sample.Label, sample.Name);
            if (++index % leads == 0) recordsDone?.Report(++done);
        }
    }

    public SubjectSplit Split(IReadOnlyCollection<SampleInfo> samples, long seed) =>
        SubjectSplitter.Split(samples.Select(s => s.SubjectId), seed);
}
