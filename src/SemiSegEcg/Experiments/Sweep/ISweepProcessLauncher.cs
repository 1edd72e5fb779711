namespace SemiSegEcg.Experiments.Sweep;

/// <summary>Starts a child process and waits for it (the real one is <see cref="ChildProcessLauncher"/>).</summary>
public interface ISweepProcessLauncher
{
    /// <summary>
    /// Runs <paramref name="spec"/> to its end, passing each line of its standard output and error to
    /// <paramref name="onLine"/> (possibly from two threads at once). Cancelling kills the process and its children
    /// and then returns their exit code; it does not throw.
    /// </summary>
    /// <returns>The exit code.</returns>
    /// <exception cref="IOException">The process could not be started.</exception>
    Task<int> RunAsync(SweepProcessSpec spec, Action<string> onLine, CancellationToken cancellation);
}
