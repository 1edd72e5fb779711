namespace SemiSegEcg.Experiments.Sweep;

/// <summary>What happened to one run.</summary>
/// <param name="Action">What was attempted; null when the run folder could not be read.</param>
/// <param name="ExitCode">The child's exit code, when one ran.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record SweepRunResult(SweepRun Run, SweepAction? Action, SweepOutcome Outcome, int? ExitCode = null, TimeSpan Duration = default, string? Error = null);
