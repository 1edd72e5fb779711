namespace SemiSegEcg.Experiments.Sweep;

/// <summary>How a sweep runs its children.</summary>
/// <param name="Jobs">Children at a time (ignored when <paramref name="Gpus"/> is given: one per GPU).</param>
/// <param name="Gpus">CUDA device ids; each child sees one as <c>CUDA_VISIBLE_DEVICES</c> and runs with <c>--device cuda</c>.</param>
/// <param name="Threads">Torch threads per child; default: the machine's cores shared evenly between the children.</param>
/// <param name="DataRoot">Passed to every child as <c>--data_root</c>.</param>
/// <param name="Device">Passed as <c>--device</c> (<c>cuda</c> is implied by <paramref name="Gpus"/>).</param>
/// <param name="WorkingDirectory">Children's working directory (relative paths resolve against it); default: ours.</param>
public sealed record SweepRunnerOptions(
    int Jobs = 1,
    IReadOnlyList<int>? Gpus = null,
    int? Threads = null,
    string? DataRoot = null,
    string? Device = null,
    string? WorkingDirectory = null)
{
    public const string CudaVisibleDevices = "CUDA_VISIBLE_DEVICES";

    public bool UsesGpus => Gpus is { Count: > 0 };

    /// <summary>How many children run at once.</summary>
    public int Slots => UsesGpus ? Gpus!.Count : Jobs;

    /// <summary>The options every child gets, with threads = max(1, cores / slots) unless set.</summary>
    public SweepChildOptions ChildOptions(int processorCount) =>
        new(Threads ?? Math.Max(1, processorCount / Math.Max(1, Slots)), DataRoot, UsesGpus ? "cuda" : Device);

    /// <summary>Environment of the child in <paramref name="slot"/>: its GPU, when there are GPUs.</summary>
    public IReadOnlyDictionary<string, string> Environment(int slot) => UsesGpus
        ? new Dictionary<string, string> { [CudaVisibleDevices] = Gpus![slot].ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new Dictionary<string, string>();

    public void Validate()
    {
        if (Jobs < 1) throw new ArgumentException($"--jobs must be at least 1, got {Jobs}");
        if (Threads is < 1) throw new ArgumentException($"--threads must be at least 1, got {Threads}");
        if (Gpus is { } gpus)
        {
            if (gpus.Any(g => g < 0)) throw new ArgumentException($"--gpus: device ids must be non-negative, got {string.Join(',', gpus)}");
            if (gpus.Distinct().Count() != gpus.Count) throw new ArgumentException($"--gpus: device ids repeat: {string.Join(',', gpus)}");
            if (gpus.Count > 0 && Device is { } device && !device.Equals("cuda", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"--gpus runs every child on cuda, but --device is '{device}'");
        }
    }
}
