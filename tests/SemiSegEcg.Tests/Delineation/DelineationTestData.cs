using SemiSegEcg.Data;
using SemiSegEcg.Delineation;
using SemiSegEcg.Synthetic;

namespace SemiSegEcg.Tests.Delineation;

/// <summary>Synthetic records with exact masks, and predictors that stand in for a model.</summary>
internal static class DelineationTestData
{
    public static SyntheticEcg Record(long seed, double samplingRateHz = 500, double seconds = 10, int leads = 12,
        double atrialFibrillation = 0, double premature = 0) =>
        SyntheticEcgGenerator.Generate(new SyntheticEcgOptions
        {
            SamplingRateHz = samplingRateHz,
            DurationSeconds = seconds,
            LeadCount = leads,
            AtrialFibrillationProbability = atrialFibrillation,
            PrematureBeatProbability = premature,
        }, seed);

    public static RecordingInput Input(SyntheticEcg ecg, string name = "synthetic") =>
        new(name, ecg.SamplingRateHz, ecg.LeadNames, ecg.Leads, $"{name}.synthetic");

    /// <summary>Class-major one-hot of labels[start .. start+length); samples past the end are background.</summary>
    public static float[] OneHot(ReadOnlySpan<byte> labels, int start, int length)
    {
        var p = new float[WaveLabels.ClassCount * length];
        for (int k = 0; k < length; k++)
        {
            int label = start + k < labels.Length ? labels[start + k] : WaveLabels.Background;
            p[label * length + k] = 1;
        }
        return p;
    }

    /// <summary>
    /// A predictor that answers each window with a prepared output, in the order the segmenter asks (lead by lead,
    /// windows by start), and records what it was given.
    /// </summary>
    public sealed class ScriptedPredictor(IEnumerable<float[]> outputs)
    {
        private readonly Queue<float[]> _outputs = new(outputs);

        public List<float[]> Inputs { get; } = [];

        public List<int> BatchSizes { get; } = [];

        public int Remaining => _outputs.Count;

        public float[][] Predict(float[][] batch)
        {
            BatchSizes.Add(batch.Length);
            Inputs.AddRange(batch);
            return batch.Select(_ => _outputs.Dequeue()).ToArray();
        }

        /// <summary>One-hot of each lead's model-rate truth at every window the segmenter will ask for.</summary>
        public static ScriptedPredictor FromTruth(IReadOnlyList<byte[]> truthPerLead, int window = 2500, int hop = 2000)
        {
            var outputs = new List<float[]>();
            foreach (var truth in truthPerLead)
            {
                foreach (int start in WindowedSegmenter.WindowStarts(truth.Length, window, hop)) outputs.Add(OneHot(truth, start, window));
            }
            return new ScriptedPredictor(outputs);
        }
    }
}
