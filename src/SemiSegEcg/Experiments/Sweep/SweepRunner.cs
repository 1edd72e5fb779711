using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace SemiSegEcg.Experiments.Sweep;

/// <summary>
/// Runs a planned grid as separate <c>semiseg</c> processes, <see cref="SweepRunnerOptions.Slots"/> at a time: finished
/// runs are skipped, interrupted ones resumed, trained ones only tested. Each child's output is appended to its run's
/// <c>sweep.log</c>. A failed run does not stop the others; cancellation kills the running children and starts no more.
/// </summary>
public sealed class SweepRunner
{
    private readonly SemisegExecutable _executable;
    private readonly SweepRunnerOptions _options;
    private readonly ISweepProcessLauncher _launcher;
    private readonly int _processorCount;

    public SweepRunner(SemisegExecutable executable, SweepRunnerOptions options, ISweepProcessLauncher? launcher = null, int? processorCount = null)
    {
        ArgumentNullException.ThrowIfNull(executable);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _executable = executable;
        _options = options;
        _launcher = launcher ?? new ChildProcessLauncher();
        _processorCount = processorCount ?? Environment.ProcessorCount;
    }

    /// <summary>The options each child gets (threads shared between the slots).</summary>
    public SweepChildOptions ChildOptions => _options.ChildOptions(_processorCount);

    /// <summary>The exact child command line for a planned run (for dry runs), or null when there is nothing to run.</summary>
    public string? CommandLine(SweepPlannedRun planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (planned.State is not { Action: not SweepAction.Skip } state) return null;
        return SweepCommandLine.ShellJoin([_executable.FileName, .. _executable.With(SweepCommandLine.ChildArguments(planned.Run, state, ChildOptions))]);
    }

    public async Task<SweepSummary> RunAsync(IReadOnlyList<SweepPlannedRun> plan, ISweepObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var results = new SweepRunResult?[plan.Count];
        var queue = new ConcurrentQueue<int>();
        for (int i = 0; i < plan.Count; i++)
        {
            var p = plan[i];
            if (p.State is null)
            {
                results[i] = new SweepRunResult(p.Run, null, SweepOutcome.Failed, Error: p.Problem);
                observer?.OnCompleted(results[i]!);
            }
            else if (p.State.Action == SweepAction.Skip)
            {
                results[i] = new SweepRunResult(p.Run, SweepAction.Skip, SweepOutcome.Skipped);
            }
            else
            {
                queue.Enqueue(i);
            }
        }

        var workers = Enumerable.Range(0, _options.Slots).Select(slot => Task.Run(async () =>
        {
            while (!cancellation.IsCancellationRequested && queue.TryDequeue(out int i))
            {
                results[i] = await RunOne(plan[i], slot, observer, cancellation).ConfigureAwait(false);
                observer?.OnCompleted(results[i]!);
            }
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);

        for (int i = 0; i < plan.Count; i++)
            results[i] ??= new SweepRunResult(plan[i].Run, plan[i].Action, SweepOutcome.Cancelled, Error: "not started (cancelled)");
        return new SweepSummary(results.Select(r => r!).ToList());
    }

    private async Task<SweepRunResult> RunOne(SweepPlannedRun planned, int slot, ISweepObserver? observer, CancellationToken cancellation)
    {
        var run = planned.Run;
        var action = planned.State!.Action;
        var arguments = _executable.With(SweepCommandLine.ChildArguments(run, planned.State, ChildOptions));
        var environment = _options.Environment(slot);
        string commandLine = (environment.Count == 0 ? "" : string.Join(' ', environment.Select(kv => $"{kv.Key}={kv.Value}")) + " ")
            + SweepCommandLine.ShellJoin([_executable.FileName, .. arguments]);
        observer?.OnStarted(run, action, slot, commandLine);

        var clock = Stopwatch.StartNew();
        try
        {
            Directory.CreateDirectory(run.RunDirectory);
            using var log = new StreamWriter(run.LogPath, append: true) { AutoFlush = true };
            var gate = new object();
            string lastLine = "";
            void Write(string line)
            {
                lock (gate) log.WriteLine(line);
            }
            Write(string.Create(CultureInfo.InvariantCulture, $"==== {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz} {action.ToString().ToLowerInvariant()}: {commandLine}"));
            int exitCode = await _launcher.RunAsync(new SweepProcessSpec(_executable.FileName, arguments, environment, _options.WorkingDirectory),
                line =>
                {
                    lock (gate)
                    {
                        log.WriteLine(line);
                        if (!string.IsNullOrWhiteSpace(line)) lastLine = line.Trim();
                    }
                    observer?.OnOutput(run, line);
                }, cancellation).ConfigureAwait(false);
            Write(string.Create(CultureInfo.InvariantCulture, $"==== exit code {exitCode} after {clock.Elapsed.TotalSeconds:0.0} s"));

            if (cancellation.IsCancellationRequested && exitCode != 0)
                return new SweepRunResult(run, action, SweepOutcome.Cancelled, exitCode, clock.Elapsed, "killed (cancelled)");
            return exitCode == 0
                ? new SweepRunResult(run, action, SweepOutcome.Succeeded, exitCode, clock.Elapsed)
                : new SweepRunResult(run, action, SweepOutcome.Failed, exitCode, clock.Elapsed,
                    lastLine.Length == 0 ? $"exit code {exitCode}" : $"exit code {exitCode}: {lastLine}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SweepRunResult(run, action, SweepOutcome.Failed, null, clock.Elapsed, e.Message);
        }
    }
}
