using SemiSegEcg.Config;

namespace SemiSegEcg.Experiments.Sweep;

/// <summary>
/// Checks, before anything starts, that the index files every pending run will read exist under the data root the
/// children will get, so a missing database, label draw or smoke-test index is one clear list instead of a grid of
/// failed runs.
/// </summary>
public static class SweepDataCheck
{
    /// <param name="dataRoot">The sweep's <c>--data_root</c> (null: the configs' own or <c>SEMISEG_DATA</c>, as the children resolve it).</param>
    /// <returns>Distinct problems, each naming the file, its config key and where the data root came from.</returns>
    public static IReadOnlyList<string> MissingFiles(IEnumerable<SweepPlannedRun> plan, string? dataRoot)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<string>();
        foreach (var planned in plan.Where(p => p.Action is not (null or SweepAction.Skip)))
        {
            var run = planned.Run;
            var loaded = ConfigLoader.Load(run.BaseConfigPath, run.OverrideConfigPath, new CliOverrides { DataRoot = dataRoot, Set = run.Set });
            bool training = planned.Action is not SweepAction.Test;
            var paths = loaded.ResolveDatasetPaths();
            foreach (string problem in paths.MissingIndexFiles(training, ExperimentData.ReadsUnlabeled(loaded.Config), testing: loaded.Config.Test is not null))
            {
                if (!problems.Contains(problem)) problems.Add(problem);
            }
        }
        return problems;
    }
}
