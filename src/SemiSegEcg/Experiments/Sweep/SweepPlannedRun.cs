namespace SemiSegEcg.Experiments.Sweep;

/// <summary>A run with its state as found on disk, or the problem that kept it from being read.</summary>
public sealed record SweepPlannedRun(SweepRun Run, SweepRunState? State, string? Problem = null)
{
    /// <summary>Null when the run folder could not be read (see <see cref="Problem"/>).</summary>
    public SweepAction? Action => State?.Action;

    /// <summary>Classifies one run; an unreadable checkpoint becomes a <see cref="Problem"/> instead of stopping the sweep.</summary>
    public static SweepPlannedRun Of(SweepRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return new SweepPlannedRun(run, SweepRunState.Classify(run));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new SweepPlannedRun(run, null, e.Message);
        }
    }

    public static IReadOnlyList<SweepPlannedRun> Of(IEnumerable<SweepRun> runs) => runs.Select(Of).ToList();
}
