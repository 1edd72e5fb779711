namespace SemiSegEcg.Training;

/// <summary>Running averages of the logged scalars over an epoch (the original's global meter averages).</summary>
public sealed class MeterSet
{
    private readonly Dictionary<string, (double Sum, long Count)> _meters = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string name, double value)
    {
        if (!_meters.TryGetValue(name, out var m)) _order.Add(name);
        _meters[name] = (m.Sum + value, m.Count + 1);
    }

    public IReadOnlyDictionary<string, double> Averages() =>
        _order.ToDictionary(n => n, n => _meters[n].Sum / _meters[n].Count, StringComparer.Ordinal);
}
