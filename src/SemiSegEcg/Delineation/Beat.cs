namespace SemiSegEcg.Delineation;

/// <summary>
/// One beat: a QRS with the P before it and the T after it, when found, and its intervals in ms (null when a wave or
/// a neighbouring beat is missing). See <see cref="BeatAssembler"/> for the rules.
/// </summary>
/// <param name="Index">0-based position among the lead's beats.</param>
/// <param name="RrMs">QRS onset to the previous beat's QRS onset (the first beat uses the next interval).</param>
public sealed record Beat(
    int Index,
    Wave Qrs,
    Wave? P,
    Wave? T,
    double? RrMs,
    double? HeartRateBpm,
    double? PrMs,
    double QrsMs,
    double? QtMs,
    double? QtcBazettMs,
    double? QtcFridericiaMs);
