namespace SemiSegEcg.Experiments.Sweep;

/// <summary>The <c>#SBATCH</c> settings of an emitted array script.</summary>
/// <param name="LogDirectory">Folder of the per-task Slurm logs (<c>%x_%A_%a.out</c>); created when the script is written.</param>
/// <param name="MaxParallel">Array throttle (<c>--array=0-(N-1)%K</c>), or null for no limit.</param>
/// <param name="Partition">Omitted from the script when null.</param>
/// <param name="GpusPerTask">0 for CPU-only tasks.</param>
/// <param name="Memory">E.g. <c>16G</c>; omitted when null.</param>
/// <param name="Time">Wall-clock limit per task (<c>HH:MM:SS</c> or <c>D-HH:MM:SS</c>).</param>
public sealed record SlurmOptions(
    string LogDirectory,
    string JobName = "semiseg-sweep",
    int? MaxParallel = null,
    string? Partition = null,
    int GpusPerTask = 0,
    int CpusPerTask = 4,
    string? Memory = null,
    string Time = "24:00:00")
{
    public void Validate()
    {
        if (MaxParallel is < 1) throw new ArgumentException($"the array throttle must be at least 1, got {MaxParallel}");
        if (GpusPerTask < 0) throw new ArgumentException($"--slurm-gpus-per-task must not be negative, got {GpusPerTask}");
        if (CpusPerTask < 1) throw new ArgumentException($"--slurm-cpus-per-task must be at least 1, got {CpusPerTask}");
        foreach (var (option, value) in new[] { ("--slurm-job-name", JobName), ("--slurm-partition", Partition ?? "x"), ("--slurm-time", Time), ("--slurm-mem", Memory ?? "x") })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`' or '\\'))
                throw new ArgumentException($"{option}: '{value}' cannot go into an #SBATCH line (no spaces, quotes, $, ` or \\)");
        }
    }
}
