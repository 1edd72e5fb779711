namespace SemiSegEcg.Experiments.Sweep;

/// <summary>Progress of a sweep. Calls come from worker threads, possibly at the same time.</summary>
public interface ISweepObserver
{
    /// <param name="slot">Worker index (0..jobs-1); with GPUs, the index into the GPU list.</param>
    /// <param name="commandLine">The child's command line, shell-quoted.</param>
    void OnStarted(SweepRun run, SweepAction action, int slot, string commandLine);

    /// <summary>One line the child printed (also appended to its <see cref="SweepRun.LogPath"/>).</summary>
    void OnOutput(SweepRun run, string line);

    void OnCompleted(SweepRunResult result);
}
