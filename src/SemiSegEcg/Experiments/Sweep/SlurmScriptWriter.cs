using System.Globalization;
using System.Text;
using SemiSegEcg.IO;

namespace SemiSegEcg.Experiments.Sweep;

/// <summary>
/// Writes an sbatch array script: one task per run, each task one line of a bash array evaluated by
/// <c>SLURM_ARRAY_TASK_ID</c>. The sweep makes each line a one-run <c>semiseg sweep</c>, which decides at run time
/// whether to skip, resume or only test, so submitting the same script again continues the grid.
/// </summary>
public static class SlurmScriptWriter
{
    public static string Render(SlurmOptions options, SemisegExecutable executable, IReadOnlyList<SlurmTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(executable);
        ArgumentNullException.ThrowIfNull(tasks);
        options.Validate();
        if (tasks.Count == 0) throw new ArgumentException("a Slurm array needs at least one task");

        var s = new StringBuilder();
        void Line(string text = "") => s.Append(text).Append('\n');
        string throttle = options.MaxParallel is int k ? string.Create(CultureInfo.InvariantCulture, $"%{k}") : "";
        Line("#!/bin/bash");
        Line($"#SBATCH --job-name={options.JobName}");
        Line(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{tasks.Count - 1}{throttle}"));
        Line($"#SBATCH --output={SbatchPath(options.LogDirectory)}/%x_%A_%a.out");
        Line(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={options.CpusPerTask}"));
        if (options.GpusPerTask > 0) Line(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --gpus-per-task={options.GpusPerTask}"));
        if (options.Memory is { } memory) Line($"#SBATCH --mem={memory}");
        Line($"#SBATCH --time={options.Time}");
        if (options.Partition is { } partition) Line($"#SBATCH --partition={partition}");
        Line("#");
        Line(string.Create(CultureInfo.InvariantCulture, $"# Written by `semiseg sweep --emit-slurm`: {tasks.Count} run(s), one per array task. Submit it from the"));
        Line("# folder it was written in (relative paths resolve there):  sbatch <this file>");
        Line("# Each task is a one-run `semiseg sweep`: it skips a finished run, resumes an interrupted one from its last.ckpt");
        Line("# and only tests a trained one, so submitting this script again continues the grid where it stopped.");
        Line("# A run's own output goes to <run folder>/sweep.log. Set SEMISEG to change how semiseg is started.");
        Line("set -euo pipefail");
        Line("cd \"${SLURM_SUBMIT_DIR:-.}\"");
        Line($"SEMISEG=\"${{SEMISEG:-{DoubleQuoted(executable.ToShell())}}}\"");
        Line();
        Line("CMDS=(");
        for (int i = 0; i < tasks.Count; i++)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"  # {i}: {tasks[i].Label.ReplaceLineEndings(" ")}"));
            Line($"  \"${{SEMISEG}} {DoubleQuoted(SweepCommandLine.ShellJoin(tasks[i].Arguments))}\"");
        }
        Line(")");
        Line();
        Line("if [[ -z \"${SLURM_ARRAY_TASK_ID:-}\" ]]; then");
        Line("  echo \"SLURM_ARRAY_TASK_ID is not set: submit this script with sbatch\" >&2");
        Line("  exit 2");
        Line("fi");
        Line("echo \"task ${SLURM_ARRAY_TASK_ID} of ${#CMDS[@]}: ${CMDS[$SLURM_ARRAY_TASK_ID]}\"");
        Line("eval \"${CMDS[$SLURM_ARRAY_TASK_ID]}\"");
        return s.ToString();
    }

    /// <summary>Writes the script atomically (executable on Unix) and creates its log folder, which sbatch does not.</summary>
    public static void Write(string path, SlurmOptions options, SemisegExecutable executable, IReadOnlyList<SlurmTask> tasks)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string script = Render(options, executable, tasks);
        Directory.CreateDirectory(options.LogDirectory);
        AtomicFile.WriteAllText(path, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>Escapes text for a bash double-quoted string (the array element is re-parsed by <c>eval</c>).</summary>
    private static string DoubleQuoted(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '"' or '$' or '`') s.Append('\\');
            s.Append(c);
        }
        return s.ToString();
    }

    private static string SbatchPath(string path) =>
        path.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`')
            ? throw new ArgumentException($"Slurm log folder '{path}' cannot go into an #SBATCH line (no spaces, quotes, $ or `)")
            : path.TrimEnd('/', '\\');
}
