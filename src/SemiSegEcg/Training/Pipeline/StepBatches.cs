namespace SemiSegEcg.Training.Pipeline;

/// <summary>What one optimizer step consumes: a labeled batch and, for semi-supervised methods, an unlabeled one.</summary>
public sealed record StepBatches(int Step, HostBatch Labeled, HostBatch? Unlabeled);
