namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// A pickled pandas <c>Index</c> (explicit labels) or <c>RangeIndex</c> (start/step, not materialised), built by
/// <c>_new_Index(cls, state_dict)</c>.
/// </summary>
internal sealed class PandasIndex
{
    private readonly object?[]? _labels;
    private readonly long _start;
    private readonly long _step;

    private PandasIndex(long length, object?[]? labels, long start, long step)
    {
        Length = length;
        _labels = labels;
        _start = start;
        _step = step;
    }

    public long Length { get; }

    public object? LabelAt(long i) => _labels is not null ? _labels[i] : _start + i * _step;

    public static PandasIndex FromArguments(PickleTuple args)
    {
        PickleValues.ExpectCount(args, 2, 2, "_new_Index(...)");
        var kind = args[0] as PickleGlobal?;
        var state = PickleValues.As<Dictionary<object, object?>>(args[1], "_new_Index state", "a dict");
        switch (kind)
        {
            case PickleGlobal.PandasRangeIndexType:
            {
                long start = PickleValues.AsOptionalLong(state.GetValueOrDefault("start"), "RangeIndex start") ?? 0;
                long stop = PickleValues.AsLong(state.GetValueOrDefault("stop"), "RangeIndex stop");
                long step = PickleValues.AsOptionalLong(state.GetValueOrDefault("step"), "RangeIndex step") ?? 1;
                if (step == 0) throw new PickleContentException("RangeIndex step is 0");
                long length = step > 0
                    ? (stop > start ? (stop - start + step - 1) / step : 0)
                    : (start > stop ? (start - stop - step - 1) / -step : 0);
                return new PandasIndex(length, null, start, step);
            }
            case PickleGlobal.PandasIndexType:
            {
                var data = PickleValues.As<PickledNdarray>(state.GetValueOrDefault("data"), "Index data", "a numpy.ndarray");
                if (data.Shape.Length != 1)
                    throw new PickleContentException($"Index data has shape ({string.Join(", ", data.Shape)}), expected 1-D (MultiIndex is not supported)");
                object?[] labels = data.ToObjects();
                return new PandasIndex(labels.Length, labels, 0, 0);
            }
            default:
                throw new PickleContentException($"_new_Index class is {PickleValues.Describe(args[0])}, expected Index or RangeIndex");
        }
    }
}
