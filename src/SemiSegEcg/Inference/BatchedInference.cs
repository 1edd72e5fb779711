using SemiSegEcg.Data.Samples;
using SemiSegEcg.Models;
using SemiSegEcg.Signal;
using static TorchSharp.torch;

namespace SemiSegEcg.Inference;

/// <summary>
/// Runs a model over samples in eval mode without gradients, one dispose scope per batch (no augmentation: each
/// filtered signal is standardized, as the loader's final transform). The model's mode is restored afterwards.
/// </summary>
public static class BatchedInference
{
    /// <param name="onBatch">Receives the first sample index, the batch size and the logits (B, C, T), valid only during the call.</param>
    public static void Run(EncoderDecoder model, IReadOnlyList<EcgSample> samples, int batchSize,
        Action<int, int, Tensor> onBatch, CancellationToken cancellation = default)
    {
        if (samples.Count == 0) throw new ArgumentException("no sample to run the model on");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "batch size must be at least 1");
        int length = samples[0].Signal.Length;
        bool wasTraining = model.training;
        var device = model.parameters().First().device;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            for (int start = 0; start < samples.Count; start += batchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                int n = Math.Min(batchSize, samples.Count - start);
                var signals = new float[n * length];
                for (int i = 0; i < n; i++)
                    Standardizer.StandardizeInto(samples[start + i].Signal, signals.AsSpan(i * length, length));
                var logits = model.call(tensor(signals, [n, 1, length], device: device)).Logits;
                onBatch(start, n, device.type == TorchSharp.DeviceType.CPU ? logits : logits.cpu());
            }
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>Argmax class per position for every sample (ST++ reliability, delineation).</summary>
    public static long[][] PredictLabels(EncoderDecoder model, IReadOnlyList<EcgSample> samples, int batchSize,
        CancellationToken cancellation = default)
    {
        var predictions = new long[samples.Count][];
        Run(model, samples, batchSize, (start, n, logits) =>
        {
            long length = logits.shape[^1];
            var argmax = logits.argmax(1).data<long>().ToArray();
            for (int i = 0; i < n; i++) predictions[start + i] = argmax.AsSpan((int)(i * length), (int)length).ToArray();
        }, cancellation);
        return predictions;
    }
}
