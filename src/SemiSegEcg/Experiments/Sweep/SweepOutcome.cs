namespace SemiSegEcg.Experiments.Sweep;

public enum SweepOutcome
{
    /// <summary>Already finished before the sweep started.</summary>
    Skipped,

    /// <summary>The child exited with code 0.</summary>
    Succeeded,

    /// <summary>The child failed (non-zero exit, could not start) or the run folder could not be read.</summary>
    Failed,

    /// <summary>Killed by cancellation, or never started because of it.</summary>
    Cancelled,
}
