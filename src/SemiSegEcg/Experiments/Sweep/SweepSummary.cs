namespace SemiSegEcg.Experiments.Sweep;

/// <summary>All results of a sweep, in grid order, with the counts its summary line shows.</summary>
public sealed record SweepSummary(IReadOnlyList<SweepRunResult> Results)
{
    public int Skipped => Count(SweepOutcome.Skipped);

    public int Failed => Count(SweepOutcome.Failed);

    public int Cancelled => Count(SweepOutcome.Cancelled);

    /// <summary>Runs trained from scratch and tested in this sweep.</summary>
    public int Trained => Count(SweepOutcome.Succeeded, SweepAction.Train);

    public int Resumed => Count(SweepOutcome.Succeeded, SweepAction.Resume);

    /// <summary>Runs that only needed their test.</summary>
    public int Tested => Count(SweepOutcome.Succeeded, SweepAction.Test);

    public bool AllSucceeded => Failed == 0 && Cancelled == 0;

    private int Count(SweepOutcome outcome, SweepAction? action = null) =>
        Results.Count(r => r.Outcome == outcome && (action is null || r.Action == action));
}
