using System.Diagnostics;
using System.Diagnostics.Tracing;
using TorchSharp;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// Counts TorchSharp's temporary Scalars: a Scalar that is never disposed ends in the finalizer, and the runtime reports
/// every finalized object (its method table) in a <c>FinalizeObject</c> event of its GC provider, which this listener
/// receives in-process. Disposed Scalars suppress their finalizer and are not counted; other types are ignored.
/// </summary>
public sealed class FinalizedScalarCounter : EventListener
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private static readonly ulong ScalarTypeId = (ulong)typeof(Scalar).TypeHandle.Value;
    private readonly object _gate = new();
    private long _finalizedScalars;
    private long _lastGcSeen = -1;
    private bool _enabled;

    public FinalizedScalarCounter()
    {
        foreach (var source in EventSource.GetSources()) TryEnable(source);
    }

    /// <summary>
    /// The number of Scalars that <paramref name="action"/> creates and abandons: everything abandoned earlier is
    /// finalized and reported first, then the action runs, then its garbage is collected and finalized and the count
    /// is read once the runtime's events for that collection have arrived.
    /// </summary>
    public long CountDuring(Action action)
    {
        Drain();
        long before = Interlocked.Read(ref _finalizedScalars);
        action();
        Drain();
        return Interlocked.Read(ref _finalizedScalars) - before;
    }

    private void Drain()
    {
        for (int i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        GC.Collect();
        long marker = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (_gate)
            {
                if (_enabled && _lastGcSeen >= marker) return;
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"the runtime's GC events did not arrive within 30 s (enabled: {_enabled}, last GC seen {_lastGcSeen}, waiting for {marker})");
            Thread.Sleep(20);
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource) => TryEnable(eventSource);

    private void TryEnable(EventSource source)
    {
        if (source.Name != RuntimeProvider) return;
        EnableEvents(source, EventLevel.Verbose, (EventKeywords)GcKeyword);
        lock (_gate) _enabled = true;
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.Payload is null || e.PayloadNames is null) return;
        if (e.EventName == "FinalizeObject")
        {
            if (ToId(e.Payload[e.PayloadNames.IndexOf("TypeID")]) == ScalarTypeId) Interlocked.Increment(ref _finalizedScalars);
        }
        else if (e.EventName?.StartsWith("GCEnd", StringComparison.Ordinal) == true)
        {
            long count = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("Count")]);
            lock (_gate) _lastGcSeen = Math.Max(_lastGcSeen, count);
        }
    }

    private static ulong ToId(object? value) => value switch
    {
        IntPtr p => (ulong)(long)p,
        UIntPtr u => (ulong)u,
        _ => Convert.ToUInt64(value),
    };
}
