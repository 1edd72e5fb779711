using System.Globalization;
using System.Text;

namespace SemiSegEcg.Experiments.Sweep;

/// <summary>The exact command lines the sweep runs (pure functions, so they can be shown, tested and written to scripts).</summary>
public static class SweepCommandLine
{
    /// <summary>
    /// <c>train …</c>, <c>train … --resume &lt;last.ckpt&gt;</c> or <c>test …</c> for a run in <paramref name="state"/>
    /// (arguments after the executable).
    /// </summary>
    public static IReadOnlyList<string> ChildArguments(SweepRun run, SweepRunState state, SweepChildOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var action = state.Action;
        if (action == SweepAction.Skip) throw new InvalidOperationException($"{run.Name} is finished: nothing to run");
        var args = new List<string>
        {
            action == SweepAction.Test ? "test" : "train",
            "-f", run.BaseConfigPath,
            "-o", run.OverrideConfigPath,
            "--output_dir", run.OutputDir,
            "--exp_name", run.ExpName,
            "--seed", run.Seed.ToString(CultureInfo.InvariantCulture),
        };
        AddShared(args, options);
        foreach (string assignment in run.Set) args.AddRange(["--set", assignment]);
        if (action == SweepAction.Resume) args.AddRange(["--resume", state.Checkpoint!]);
        return args;
    }

    /// <summary>
    /// A <c>sweep …</c> command line that reproduces <paramref name="request"/>; for a request narrowed with
    /// <see cref="SweepRequest.For"/> it runs one run and decides at run time whether to skip, resume or test it.
    /// </summary>
    public static IReadOnlyList<string> SweepArguments(SweepRequest request, SweepChildOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string>
        {
            "sweep",
            "--backbones", string.Join(',', request.Backbones),
            "--algorithms", string.Join(',', request.Algorithms),
            "--datasets", string.Join(',', request.Datasets),
            "--ratios", string.Join(',', request.Ratios.Select(r => r.ToString(CultureInfo.InvariantCulture))),
            "--seeds", string.Join(',', request.Seeds.Select(s => s.ToString(CultureInfo.InvariantCulture))),
            "--configs", request.ConfigsRoot,
            "--output_root", request.OutputRoot,
        };
        if (request.Draws is { } draws)
            args.AddRange(["--draws", string.Join(',', draws.Select(d => d.ToString(CultureInfo.InvariantCulture)))]);
        if (request.Epochs is int epochs) args.AddRange(["--epochs", epochs.ToString(CultureInfo.InvariantCulture)]);
        AddShared(args, options);
        foreach (string assignment in request.SetOrEmpty) args.AddRange(["--set", assignment]);
        return args;
    }

    /// <summary>Joins arguments for a POSIX shell, single-quoting any that need it.</summary>
    public static string ShellJoin(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Join(' ', arguments.Select(ShellQuote));
    }

    public static string ShellQuote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=,:@%+".Contains(c, StringComparison.Ordinal)))
            return argument;
        var quoted = new StringBuilder("'");
        foreach (char c in argument) quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        return quoted.Append('\'').ToString();
    }

    private static void AddShared(List<string> args, SweepChildOptions options)
    {
        if (options.Threads is int threads) args.AddRange(["--threads", threads.ToString(CultureInfo.InvariantCulture)]);
        if (!string.IsNullOrEmpty(options.DataRoot)) args.AddRange(["--data_root", options.DataRoot]);
        if (!string.IsNullOrEmpty(options.Device)) args.AddRange(["--device", options.Device]);
    }
}
