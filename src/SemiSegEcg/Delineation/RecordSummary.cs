namespace SemiSegEcg.Delineation;

/// <summary>Medians of the beats' values (each over the beats that have it); null when no beat has it.</summary>
/// <param name="Source">Which track the beats came from: <c>consensus</c>, a lead name, or <c>all leads</c>.</param>
public sealed record RecordSummary(
    string Source,
    int BeatCount,
    double? HeartRateBpm,
    double? RrMs,
    double? PrMs,
    double? QrsMs,
    double? QtMs,
    double? QtcBazettMs,
    double? QtcFridericiaMs)
{
    public static RecordSummary FromBeats(string source, IReadOnlyCollection<Beat> beats)
    {
        ArgumentNullException.ThrowIfNull(beats);
        return new RecordSummary(
            source,
            beats.Count,
            Medians.Of(beats.Select(b => b.HeartRateBpm)),
            Medians.Of(beats.Select(b => b.RrMs)),
            Medians.Of(beats.Select(b => b.PrMs)),
            Medians.Of(beats.Select(b => (double?)b.QrsMs)),
            Medians.Of(beats.Select(b => b.QtMs)),
            Medians.Of(beats.Select(b => b.QtcBazettMs)),
            Medians.Of(beats.Select(b => b.QtcFridericiaMs)));
    }
}
