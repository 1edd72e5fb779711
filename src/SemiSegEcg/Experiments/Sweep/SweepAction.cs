namespace SemiSegEcg.Experiments.Sweep;

/// <summary>What the sweep does with a run.</summary>
public enum SweepAction
{
    /// <summary>Already finished: nothing to do.</summary>
    Skip,

    /// <summary><c>semiseg train</c> from scratch.</summary>
    Train,

    /// <summary><c>semiseg train --resume &lt;last.ckpt&gt;</c>.</summary>
    Resume,

    /// <summary><c>semiseg test</c>: training is complete, only the test files are missing.</summary>
    Test,
}
