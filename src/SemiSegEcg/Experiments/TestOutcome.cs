using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Experiments;

/// <summary>What <c>test</c> measured and where it wrote it.</summary>
public sealed record TestOutcome(string ModelPath, int SampleCount, double MeanIou, double Loss, EvaluationReport Report, string RunDirectory);
