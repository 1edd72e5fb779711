namespace SemiSegEcg.Training;

/// <summary>
/// <c>train.accum_iter</c>: one optimizer step per window of k iterations, windows counted from each epoch's first
/// iteration. The loop follows the recipe whose keys the original uses (<c>accum_iter</c>, <c>blr</c>, the per-iteration
/// schedule; docs/reference/original-behaviour.md#train-block): gradients are zeroed when a window starts, each iteration back-propagates its
/// loss divided by k, the window's last iteration clips and steps; the LR is set from the fractional epoch of the
/// window's first iteration; <c>blr</c> counts the effective batch as <c>batch_size · accum_iter</c>. An epoch's last
/// window that is cut short by the epoch's end takes no step (its gradients are zeroed by the next window).
/// With k = 1 every iteration is a whole window, which is exactly the loop without accumulation.
/// </summary>
public sealed record GradientAccumulation
{
    public static readonly GradientAccumulation None = new(1);

    public GradientAccumulation(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        Iterations = iterations;
    }

    public int Iterations { get; }

    /// <summary>Whether iteration <paramref name="step"/> of an epoch zeroes the gradients before its backward.</summary>
    public bool StartsWindow(int step) => step % Iterations == 0;

    /// <summary>Whether iteration <paramref name="step"/> of an epoch ends with the optimizer step.</summary>
    public bool EndsWindow(int step) => (step + 1) % Iterations == 0;

    /// <summary>The first iteration of <paramref name="step"/>'s window, whose fractional epoch sets the window's LR.</summary>
    public int WindowStart(int step) => step - step % Iterations;

    /// <summary>Optimizer steps an epoch of <paramref name="iterations"/> takes.</summary>
    public int OptimizerSteps(int iterations) => iterations / Iterations;
}
