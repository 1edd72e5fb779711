using System.Collections.Concurrent;
using System.Globalization;
using SemiSegEcg.Concurrency;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Data.Samples;

/// <summary>
/// Loads every sample of one index and applies the deterministic loader steps (resample, band-pass) once, in
/// parallel, so epochs never repeat them. Order = index row order.
/// </summary>
public static class SampleStore
{
    /// <param name="loadLabels">False for unlabeled splits: label files are never opened.</param>
    /// <param name="preprocessor">The deterministic steps of the model's <see cref="Preprocessing"/> before normalisation: resample to its length, its filters.</param>
    /// <param name="warnings">Receives non-fatal findings, e.g. files that are not as long as one model input (10 s) and will be time-warped.</param>
    public static IReadOnlyList<EcgSample> Load(IReadOnlyList<IndexEntry> entries, string ecgDir, string? labelDir,
        bool loadLabels, EcgPreprocessor preprocessor, ICollection<string>? warnings = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(preprocessor);
        double expectedSeconds = preprocessor.Settings.DurationSeconds;
        if (loadLabels && labelDir is null)
            throw new ArgumentException("a labeled split needs a label directory (dataset.label_dir)");
        var samples = new EcgSample[entries.Count];
        var found = new ConcurrentQueue<string>();
        int done = 0;
        OrderedParallel.For(entries.Count, Environment.ProcessorCount, i =>
        {
            var entry = entries[i];
            string signalPath = Path.Combine(ecgDir, entry.Waveform);
            double[] raw = SampleFileReader.ReadSignal(signalPath);
            if (Array.Exists(raw, v => !double.IsFinite(v)))
                throw new InvalidDataException($"{signalPath}: signal contains NaN or infinite values");
            if (!double.IsNaN(entry.SampleRateHz) && entry.SampleRateHz > 0)
            {
                double seconds = raw.Length / entry.SampleRateHz;
                if (Math.Abs(seconds - expectedSeconds) > 1.0 / entry.SampleRateHz + 1e-9)
                    found.Enqueue(string.Create(CultureInfo.InvariantCulture,
                        $"{signalPath}: {raw.Length} samples at {entry.SampleRateHz} Hz is {seconds:0.###} s, not {expectedSeconds} s; it is resampled to the model length anyway (time-warped)"));
            }

            byte[]? label = null;
            if (loadLabels)
            {
                if (entry.Label is null)
                    throw new InvalidDataException($"{signalPath}: the index row has no label file, but this split is labeled");
                string labelPath = Path.Combine(labelDir!, entry.Label);
                byte[] rawLabel = SampleFileReader.ReadLabel(labelPath);
                if (rawLabel.Length != raw.Length)
                    throw new InvalidDataException($"{labelPath}: label has {rawLabel.Length} samples but its signal {signalPath} has {raw.Length}");
                label = preprocessor.ResampleLabels(rawLabel);
            }
            samples[i] = new EcgSample(entry.Waveform, entry.SubjectId, preprocessor.ResampleAndFilter(raw), label);
            progress?.Report(Interlocked.Increment(ref done));
        });
        if (warnings is not null)
        {
            foreach (string w in found.OrderBy(w => w, StringComparer.Ordinal)) warnings.Add(w);
        }
        return samples;
    }
}
