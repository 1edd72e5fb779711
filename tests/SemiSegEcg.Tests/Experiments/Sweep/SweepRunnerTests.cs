using System.Collections.Concurrent;
using System.Diagnostics;
using SemiSegEcg.Experiments.Sweep;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Experiments.Sweep;

/// <summary>Scheduling, logs, failures, GPUs and cancellation with a recording launcher; the real launcher on <c>sh</c>.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class SweepRunnerTests : IDisposable
{
    private static readonly SemisegExecutable Exe = new("semiseg", []);
    private readonly TempDirectory _root = new("sweep-runner");

    public void Dispose() => _root.Dispose();

    private IReadOnlyList<SweepPlannedRun> Plan(int count, SweepRunStatus status = SweepRunStatus.NotStarted) =>
        Enumerable.Range(0, count).Select(seed => new SweepPlannedRun(
            new SweepRun("resnet18", "scratch", "ludb", 16, seed, "b.yaml", "o.yaml", Path.Combine(_root.Path, "resnet18", "scratch"),
                $"ludb/1over16/seed{seed}", [], 5),
            new SweepRunState(status))).ToList();

    [Fact]
    public async Task Should_Run_K_At_A_Time_And_Keep_Going_After_A_Failure()
    {
        // Given: five runs, two jobs on four cores, the third run fails
        var plan = Plan(5);
        var launcher = new RecordingLauncher(spec => spec.Arguments.Contains("ludb/1over16/seed2") ? 3 : 0);
        var runner = new SweepRunner(Exe, new SweepRunnerOptions(Jobs: 2), launcher, processorCount: 4);
        var observer = new RecordingObserver();

        // When
        var summary = await runner.RunAsync(plan, observer);

        // Then
        Assert.Equal(2, launcher.MaxConcurrent);
        Assert.Equal(5, launcher.Specs.Count);
        Assert.All(launcher.Specs, s => Assert.Equal(["--threads", "2"], s.Arguments.SkipWhile(a => a != "--threads").Take(2)));
        Assert.Equal((4, 1, 0), (summary.Trained, summary.Failed, summary.Skipped));
        var failed = summary.Results.Single(r => r.Outcome == SweepOutcome.Failed);
        Assert.Equal((3, "ludb/1over16/seed2"), (failed.ExitCode, failed.Run.ExpName));
        Assert.Equal("exit code 3: epoch 1 of ludb/1over16/seed2", failed.Error);
        string log = File.ReadAllText(failed.Run.LogPath);
        Assert.Contains("train: semiseg train -f b.yaml -o o.yaml", log, StringComparison.Ordinal);
        Assert.Contains("epoch 1 of ludb/1over16/seed2", log, StringComparison.Ordinal);
        Assert.Contains("==== exit code 3 after", log, StringComparison.Ordinal);
        Assert.Equal(5, observer.Started.Count);
        Assert.Equal(5, observer.Completed.Count);
        Assert.Equal(5, observer.Lines.Count);
    }

    [Fact]
    public async Task Should_Append_Each_Attempt_To_The_Log()
    {
        var plan = Plan(1);
        var runner = new SweepRunner(Exe, new SweepRunnerOptions(), new RecordingLauncher(_ => 0), processorCount: 2);

        await runner.RunAsync(plan);
        await runner.RunAsync(plan);

        Assert.Equal(2, File.ReadAllLines(plan[0].Run.LogPath).Count(l => l.StartsWith("==== exit code 0", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_Launch_Nothing_For_Finished_Or_Unreadable_Runs()
    {
        var finished = Plan(2, SweepRunStatus.Finished);
        var unreadable = new SweepPlannedRun(Plan(1)[0].Run with { Seed = 9, ExpName = "x" }, null, "x/last.ckpt: not a checkpoint");
        var launcher = new RecordingLauncher(_ => 0);

        var summary = await new SweepRunner(Exe, new SweepRunnerOptions(), launcher).RunAsync([.. finished, unreadable]);

        Assert.Empty(launcher.Specs);
        Assert.Equal((2, 1), (summary.Skipped, summary.Failed));
        Assert.Equal("x/last.ckpt: not a checkpoint", summary.Results[2].Error);
        Assert.False(summary.AllSucceeded);
    }

    [Fact]
    public async Task Should_Give_Each_Child_One_Gpu_Of_Its_Own()
    {
        // Given: four runs on GPUs 3 and 5 of an eight-core machine
        var launcher = new RecordingLauncher(_ => 0);
        var runner = new SweepRunner(Exe, new SweepRunnerOptions(Gpus: [3, 5]), launcher, processorCount: 8);

        // When
        var summary = await runner.RunAsync(Plan(4));

        // Then
        Assert.Equal(4, summary.Trained);
        Assert.Equal(2, launcher.MaxConcurrent);
        Assert.False(launcher.GpuShared);
        Assert.Equal(["3", "5"], launcher.Specs.Select(s => s.Environment[SweepRunnerOptions.CudaVisibleDevices]).Distinct().Order());
        Assert.All(launcher.Specs, s => Assert.Equal(["--threads", "4", "--device", "cuda"], s.Arguments.SkipWhile(a => a != "--threads").Take(4)));
    }

    [Fact]
    public async Task Should_Kill_Running_Children_And_Start_No_More_When_Cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var launcher = new RecordingLauncher(_ => 0, blockUntilCancelled: true, onStart: () => cancellation.Cancel());

        var summary = await new SweepRunner(Exe, new SweepRunnerOptions(), launcher).RunAsync(Plan(3), null, cancellation.Token);

        Assert.Single(launcher.Specs);
        Assert.Equal(3, summary.Cancelled);
        Assert.Equal(137, summary.Results[0].ExitCode);
        Assert.Equal("not started (cancelled)", summary.Results[2].Error);
    }

    [Theory]
    [InlineData(0, null, null, "--jobs must be at least 1")]
    [InlineData(1, new[] { 0, 0 }, null, "--gpus: device ids repeat")]
    [InlineData(1, new[] { -1 }, null, "non-negative")]
    [InlineData(1, new[] { 0 }, "cpu", "--device is 'cpu'")]
    public void Should_Reject_Contradictory_Options(int jobs, int[]? gpus, string? device, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new SweepRunner(Exe, new SweepRunnerOptions(jobs, gpus, Device: device)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_Capture_A_Real_Child_Output_And_Exit_Code()
    {
        Skip.If(OperatingSystem.IsWindows(), "needs sh");
        var lines = new ConcurrentBag<string>();

        int code = await new ChildProcessLauncher().RunAsync(
            new SweepProcessSpec("sh", ["-c", "echo out; echo \"$SWEEP_TEST\" >&2; exit 3"], new Dictionary<string, string> { ["SWEEP_TEST"] = "err" }),
            lines.Add, CancellationToken.None);

        Assert.Equal(3, code);
        Assert.Equal(["err", "out"], lines.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Should_Kill_A_Real_Child_When_Cancelled()
    {
        Skip.If(OperatingSystem.IsWindows(), "needs sh");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        int code = await new ChildProcessLauncher().RunAsync(
            new SweepProcessSpec("sh", ["-c", "sleep 60"], new Dictionary<string, string>()), _ => { }, cancellation.Token);

        Assert.NotEqual(0, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Should_Fail_Clearly_When_The_Child_Cannot_Start()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => new ChildProcessLauncher().RunAsync(
            new SweepProcessSpec(_root.File("no-such-program"), [], new Dictionary<string, string>()), _ => { }, CancellationToken.None));

        Assert.Contains("cannot start", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingLauncher(Func<SweepProcessSpec, int> exitCode, bool blockUntilCancelled = false, Action? onStart = null)
        : ISweepProcessLauncher
    {
        private readonly object _gate = new();
        private readonly HashSet<string> _gpusInUse = [];
        private int _running;

        public List<SweepProcessSpec> Specs { get; } = [];
        public int MaxConcurrent { get; private set; }
        public bool GpuShared { get; private set; }

        public async Task<int> RunAsync(SweepProcessSpec spec, Action<string> onLine, CancellationToken cancellation)
        {
            spec.Environment.TryGetValue(SweepRunnerOptions.CudaVisibleDevices, out string? gpu);
            lock (_gate)
            {
                Specs.Add(spec);
                MaxConcurrent = Math.Max(MaxConcurrent, ++_running);
                if (gpu is not null && !_gpusInUse.Add(gpu)) GpuShared = true;
            }
            onStart?.Invoke();
            try
            {
                onLine($"epoch 1 of {spec.Arguments[spec.Arguments.ToList().IndexOf("--exp_name") + 1]}");
                if (blockUntilCancelled)
                {
                    try { await Task.Delay(Timeout.Infinite, cancellation); } catch (OperationCanceledException) { return 137; }
                }
                await Task.Delay(40, CancellationToken.None);
                return exitCode(spec);
            }
            finally
            {
                lock (_gate)
                {
                    _running--;
                    if (gpu is not null) _gpusInUse.Remove(gpu);
                }
            }
        }
    }

    private sealed class RecordingObserver : ISweepObserver
    {
        public ConcurrentBag<string> Started { get; } = [];
        public ConcurrentBag<string> Lines { get; } = [];
        public ConcurrentBag<SweepRunResult> Completed { get; } = [];

        public void OnStarted(SweepRun run, SweepAction action, int slot, string commandLine) => Started.Add(commandLine);
        public void OnOutput(SweepRun run, string line) => Lines.Add(line);
        public void OnCompleted(SweepRunResult result) => Completed.Add(result);
    }
}
