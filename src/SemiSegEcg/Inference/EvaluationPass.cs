using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Data;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Models;
using static TorchSharp.torch;

namespace SemiSegEcg.Inference;

/// <summary>
/// Runs a model over a labeled split (no augmentation) and gathers the validation loss and metrics — and, for
/// <c>test</c>, the softmax probabilities.
/// </summary>
public static class EvaluationPass
{
    public static EvaluationPassResult Run(EncoderDecoder model, IReadOnlyList<EcgSample> samples, int batchSize,
        bool keepProbabilities = false, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        if (samples.Count == 0) throw new ArgumentException("the evaluation split is empty");
        int length = samples[0].Signal.Length;
        const int classes = WaveLabels.ClassCount;
        var pooled = new PooledIou();
        var perSample = new SampleMeanIou();
        var predictions = new long[samples.Count][];
        float[]? probabilities = keepProbabilities ? new float[checked(samples.Count * classes * length)] : null;
        double lossSum = 0;

        BatchedInference.Run(model, samples, batchSize, (start, n, logits) =>
        {
            var masks = new long[n * length];
            for (int i = 0; i < n; i++)
            {
                var sample = samples[start + i];
                var label = sample.Label ?? throw new InvalidDataException($"{sample.Name}: evaluation needs labels");
                for (int t = 0; t < length; t++) masks[i * length + t] = label[t];
            }
            lossSum += SegmentationLosses.CrossEntropy(logits, tensor(masks, [n, length])).item<float>() * n;
            var probs = logits.softmax(1);
            var argmax = probs.argmax(1).data<long>().ToArray();
            if (probabilities is not null)
                probs.contiguous().data<float>().CopyTo(probabilities.AsSpan(start * classes * length, n * classes * length));
            for (int i = 0; i < n; i++)
            {
                var prediction = argmax.AsSpan(i * length, length).ToArray();
                var truth = masks.AsSpan(i * length, length);
                pooled.Add(truth, prediction);
                perSample.Add(truth, prediction);
                predictions[start + i] = prediction;
            }
            progress?.Report(start + n);
        }, cancellation);
        return new EvaluationPassResult(lossSum / samples.Count, perSample.MeanOfBatchMeans(batchSize), pooled, perSample, predictions, probabilities);
    }
}
