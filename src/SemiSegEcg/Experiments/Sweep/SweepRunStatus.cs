namespace SemiSegEcg.Experiments.Sweep;

/// <summary>How far a run got, judged from the files in its folder.</summary>
public enum SweepRunStatus
{
    /// <summary>No checkpoint yet (a run killed in its first epoch counts as not started).</summary>
    NotStarted,

    /// <summary>A <c>last.ckpt</c> exists but training has epochs left.</summary>
    Interrupted,

    /// <summary>Training is complete but the test files are missing.</summary>
    Trained,

    /// <summary><c>test_metrics.csv</c> and <c>test_outputs.npy</c> are present.</summary>
    Finished,
}
