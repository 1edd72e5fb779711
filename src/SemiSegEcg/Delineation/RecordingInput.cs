using System.Globalization;

namespace SemiSegEcg.Delineation;

/// <summary>
/// One recording ready for delineation: every lead at the same sampling rate and length, in mV, without NaN.
/// </summary>
/// <param name="Name">Record name used in outputs (WFDB record name, or the file name without extension).</param>
/// <param name="LeadNames">One name per lead, e.g. <c>ii</c>, <c>V1</c>, <c>lead1</c>.</param>
/// <param name="Leads">(lead, sample) in mV.</param>
/// <param name="SourcePath">The file the recording was read from.</param>
public sealed record RecordingInput(string Name, double SamplingRateHz, string[] LeadNames, double[][] Leads, string SourcePath)
{
    /// <summary>Things the reader repaired or ignored (invalid samples filled, units assumed), for the user to see.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int LeadCount => Leads.Length;

    public int LengthSamples => Leads.Length == 0 ? 0 : Leads[0].Length;

    public double DurationSeconds => LengthSamples / SamplingRateHz;

    /// <summary>Index of the lead named <paramref name="name"/> (case-insensitive), or −1.</summary>
    public int LeadIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < LeadNames.Length; i++)
        {
            if (string.Equals(LeadNames[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the source when the recording cannot be delineated.</summary>
    /// <summary>The shortest recording delineated: one beat at 60 bpm. Anything shorter holds no P-QRS-T sequence.</summary>
    public const double MinimumSeconds = 1.0;

    /// <exception cref="InvalidDataException">The recording is shorter than <see cref="MinimumSeconds"/>.</exception>
    public void RequireDelineableLength()
    {
        int length = Leads[0].Length;
        if (length / SamplingRateHz < MinimumSeconds)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{SourcePath}: recording is {length} sample(s) at {SamplingRateHz} Hz ({length / SamplingRateHz:0.###} s); delineation needs at least {MinimumSeconds} s (one beat at 60 bpm)"));
        }
    }

    public void Validate()
    {
        if (!double.IsFinite(SamplingRateHz) || SamplingRateHz <= 0)
            throw new InvalidDataException($"{SourcePath}: sampling rate is {SamplingRateHz} Hz, expected a positive number");
        if (Leads is null || Leads.Length == 0) throw new InvalidDataException($"{SourcePath}: recording has no leads");
        if (LeadNames is null || LeadNames.Length != Leads.Length)
            throw new InvalidDataException($"{SourcePath}: {LeadNames?.Length ?? 0} lead names for {Leads.Length} leads");
        int length = Leads[0]?.Length ?? 0;
        if (length == 0) throw new InvalidDataException($"{SourcePath}: recording has no samples");
        for (int lead = 0; lead < Leads.Length; lead++)
        {
            double[] x = Leads[lead] ?? throw new InvalidDataException($"{SourcePath}: lead '{LeadNames[lead]}' has no samples");
            if (x.Length != length)
                throw new InvalidDataException($"{SourcePath}: lead '{LeadNames[lead]}' has {x.Length} samples, lead '{LeadNames[0]}' has {length}");
            for (int i = 0; i < x.Length; i++)
            {
                if (!double.IsFinite(x[i]))
                    throw new InvalidDataException($"{SourcePath}: lead '{LeadNames[lead]}' sample {i} is {x[i]}, expected a finite number");
            }
        }
    }
}
