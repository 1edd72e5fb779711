using SemiSegEcg.Delineation;

namespace SemiSegEcg.Experiments;

/// <summary>
/// Delineation in one call with the model shipped inside the library (<see cref="TrainedModel.LoadDefault"/>): waves,
/// beats, intervals and a summary of any recording, at any sampling rate. The model loads on first use, once per
/// process, and runs on the CPU; calls from several threads are served one at a time.
/// </summary>
public static class EcgDelineation
{
    private static readonly Lazy<Delineator> Default = new(() => TrainedModel.LoadDefault().CreateDelineator(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock Gate = new();

    /// <summary>Delineates a recording with the bundled model (loaded on the CPU on the first call).</summary>
    /// <param name="leads">(lead, sample) in mV, every lead the same length; at least <see cref="RecordingInput.MinimumSeconds"/> s.</param>
    /// <param name="samplingRateHz">The recording's rate; it is resampled to the model's and results come back at this rate.</param>
    /// <param name="leadNames">One name per lead (default <c>lead1</c>, <c>lead2</c>, ...).</param>
    /// <returns>Per-lead waves and beats, the lead consensus when there are several leads, and the record's median intervals.</returns>
    /// <exception cref="InvalidDataException">The signal is empty, too short, of unequal lead lengths, holds NaN, or the names do not match the leads.</exception>
    public static DelineationResult Delineate(double[][] leads, double samplingRateHz, string[]? leadNames = null)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var input = new RecordingInput("signal", samplingRateHz, leadNames ?? Enumerable.Range(1, leads.Length).Select(i => $"lead{i}").ToArray(), leads, "signal");
        input.Validate();
        var delineator = Default.Value;
        lock (Gate) return delineator.Delineate(input);
    }
}
