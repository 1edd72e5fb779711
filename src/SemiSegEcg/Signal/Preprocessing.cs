using System.Globalization;
using System.Text.Json.Serialization;

namespace SemiSegEcg.Signal;

/// <summary>
/// What a model's input is made of, one lead at a time: the lead FFT-resampled to <see cref="LengthSamples"/> samples at
/// <see cref="SamplingRateHz"/>, each zero-phase Butterworth stage of <see cref="Filters"/> in order, then normalised per
/// window (<see cref="Normalization"/>); <see cref="InputLeads"/> leads make one input. Built from the experiment config
/// (<c>dataset.signal_length</c>, <c>dataset.filter</c>), stored with every checkpoint, and run by
/// <see cref="EcgPreprocessor"/> wherever signals reach a model: data loading, inference and delineation.
/// </summary>
/// <remarks>The defaults are the shipped configs' (and the original's): 2,500 samples at 250 Hz, 0.67–40 Hz order-5 band-pass, z-score, one lead.</remarks>
public sealed record Preprocessing
{
    /// <summary>The shipped configs' preprocessing, assumed for models that store none.</summary>
    public static Preprocessing Shipped { get; } = new();

    /// <summary>Samples per model input (<c>dataset.signal_length</c>).</summary>
    public int LengthSamples { get; init; } = 2500;

    /// <summary>The model rate: the <c>fs</c> of the <c>dataset.filter</c> stages.</summary>
    public double SamplingRateHz { get; init; } = 250;

    /// <summary>Butterworth stages, applied in order (the shipped chain: high-pass 0.67 Hz, then low-pass 40 Hz).</summary>
    public IReadOnlyList<FilterStage> Filters { get; init; } = [new(FilterType.Highpass, 0.67), new(FilterType.Lowpass, 40)];

    public SignalNormalization Normalization { get; init; } = SignalNormalization.ZScore;

    /// <summary>Leads per model input; every model of this version takes one (each lead of a recording goes in on its own).</summary>
    public int InputLeads { get; init; } = 1;

    /// <summary>The span of one model input (10 s for the defaults).</summary>
    [JsonIgnore]
    public double DurationSeconds => LengthSamples / SamplingRateHz;

    /// <summary>The first thing that makes these settings unusable, as "field is X, expected Y"; null when they are valid.</summary>
    public string? Problem()
    {
        if (LengthSamples < 1) return $"length is {LengthSamples} samples, expected at least 1";
        if (!double.IsFinite(SamplingRateHz) || SamplingRateHz <= 0) return $"sampling rate is {Number(SamplingRateHz)} Hz, expected a positive number";
        if (Filters is null) return "has no filter list";
        if (!Enum.IsDefined(Normalization)) return $"normalization {(int)Normalization} is unknown";
        if (InputLeads != 1) return $"input leads is {InputLeads}, expected 1 (every model of this version takes one lead)";
        foreach (var stage in Filters)
        {
            if (stage is null || !Enum.IsDefined(stage.Type)) return "has an unknown filter stage";
            if (stage.Order is < 1 or > 20) return $"{Describe(stage)} has order {stage.Order}, expected 1 to 20";
            if (!double.IsFinite(stage.CutoffHz) || stage.CutoffHz <= 0 || stage.CutoffHz >= SamplingRateHz / 2)
                return $"{Describe(stage)} is not between 0 and the Nyquist frequency {Number(SamplingRateHz / 2)} Hz";
            int padLength = SosFilter.PadLength(stage.Design(SamplingRateHz));
            if (LengthSamples <= padLength) return $"length {LengthSamples} samples does not exceed the pad length {padLength} of the {Describe(stage)} filter";
        }
        return null;
    }

    /// <exception cref="InvalidDataException">Naming <paramref name="source"/> and the problem.</exception>
    public void Validate(string source)
    {
        if (Problem() is string problem) throw new InvalidDataException($"{source}: preprocessing {problem}");
    }

    /// <summary>One line, e.g. "2500 samples at 250 Hz, high-pass 0.67 Hz (order 5), low-pass 40 Hz (order 5), z-score, 1 lead".</summary>
    public string Describe() => $"{LengthSamples} samples at {Number(SamplingRateHz)} Hz, {DescribeFilters()}, {DescribeNormalization()}, {InputLeads} lead{(InputLeads == 1 ? "" : "s")}";

    /// <summary>
    /// The first setting in which <paramref name="other"/> differs from these, with the config key that sets it and both
    /// values as text (these first); null when they are the same.
    /// </summary>
    public (string ConfigKey, string These, string Other)? FirstDifference(Preprocessing other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (LengthSamples != other.LengthSamples) return ("dataset.signal_length", $"{LengthSamples} samples", $"{other.LengthSamples} samples");
        if (SamplingRateHz != other.SamplingRateHz) return ("dataset.filter", $"{Number(SamplingRateHz)} Hz", $"{Number(other.SamplingRateHz)} Hz");
        if (!Filters.SequenceEqual(other.Filters)) return ("dataset.filter", DescribeFilters(), other.DescribeFilters());
        if (Normalization != other.Normalization) return ("dataset.transforms", DescribeNormalization(), other.DescribeNormalization());
        if (InputLeads != other.InputLeads) return ("input leads", $"{InputLeads} lead(s)", $"{other.InputLeads} lead(s)");
        return null;
    }

    public bool Equals(Preprocessing? other) => other is not null && FirstDifference(other) is null;

    public override int GetHashCode() => HashCode.Combine(LengthSamples, SamplingRateHz, Filters.Count, Normalization, InputLeads);

    private string DescribeFilters() => Filters.Count == 0
        ? "no filter"
        : string.Join(", ", Filters.Select(Describe));

    private string DescribeNormalization() => Normalization == SignalNormalization.ZScore ? "z-score" : Normalization.ToString();

    private static string Describe(FilterStage stage) =>
        $"{(stage.Type == FilterType.Highpass ? "high-pass" : "low-pass")} {Number(stage.CutoffHz)} Hz (order {stage.Order})";

    private static string Number(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
