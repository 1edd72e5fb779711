using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Inference;

/// <summary>What one pass of a model over an evaluation split gives.</summary>
/// <param name="MeanLoss">Cross-entropy, mean over samples (the original's sample-weighted mean of batch means).</param>
/// <param name="MeanIou">Validation MeanIoU as the original computes it: per-sample IoU (absent classes 0), mean of batch means.</param>
/// <param name="Predictions">Argmax class per position, one array per sample, in split order.</param>
/// <param name="Probabilities">Softmax probabilities N×C×T (row-major), when requested.</param>
public sealed record EvaluationPassResult(double MeanLoss, double MeanIou, PooledIou Pooled, SampleMeanIou PerSample,
    IReadOnlyList<long[]> Predictions, float[]? Probabilities);
