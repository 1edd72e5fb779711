using System.Diagnostics;

namespace SemiSegEcg.Training;

/// <summary>
/// Wall time of the phases of training steps (host batch to tensors, the method's forward passes and losses,
/// backward, optimizer, after-step hook, reading the logged numbers, releasing the step's tensors), summed per phase
/// over the steps it timed. <see cref="StepExecutor"/> marks the phases when given one; the step profile of
/// <c>bench/</c> reads them. Without one the executor does no timing at all.
/// </summary>
public sealed class StepPhaseClock
{
    private readonly Stopwatch _clock = new();
    private readonly Dictionary<string, double> _totalsMs = [];
    private readonly List<string> _order = [];

    /// <summary>Phases in the order they were first marked, with their summed milliseconds.</summary>
    public IReadOnlyList<(string Phase, double TotalMs)> Totals => _order.Select(p => (p, _totalsMs[p])).ToList();

    /// <summary>Starts timing the first phase of a step.</summary>
    public void Start() => _clock.Restart();

    /// <summary>Ends <paramref name="phase"/> (the time since the previous mark or <see cref="Start"/>) and starts the next.</summary>
    public void Mark(string phase)
    {
        double ms = _clock.Elapsed.TotalMilliseconds;
        _clock.Restart();
        if (_totalsMs.TryAdd(phase, ms)) _order.Add(phase);
        else _totalsMs[phase] += ms;
    }

    /// <summary>Forgets every total (after warm-up steps).</summary>
    public void Reset()
    {
        _totalsMs.Clear();
        _order.Clear();
    }
}

/// <summary>The phase names <see cref="StepExecutor"/> marks.</summary>
public static class StepPhases
{
    public const string HostToTensors = "host batch → tensors";
    public const string ForwardAndLosses = "forward passes and losses";
    public const string LossCheck = "loss finiteness check";
    public const string Backward = "backward";
    public const string Optimizer = "optimizer step";
    public const string AfterStep = "after-step hook (EMA)";
    public const string ReadLogs = "logged numbers read";
    public const string ReleaseTensors = "step's tensors released";
}
