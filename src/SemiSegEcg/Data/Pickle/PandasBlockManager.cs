namespace SemiSegEcg.Data.Pickle;

/// <summary>A pickled <c>BlockManager(blocks, axes)</c>: axes are (columns, row index).</summary>
internal sealed record PandasBlockManager(IReadOnlyList<PandasBlock> Blocks, IReadOnlyList<PandasIndex> Axes)
{
    public static PandasBlockManager FromArguments(PickleTuple args)
    {
        PickleValues.ExpectCount(args, 2, 2, "BlockManager(...)");
        var blocks = Items(args[0], "BlockManager blocks")
            .Select((b, i) => PickleValues.As<PandasBlock>(b, $"BlockManager block {i}", "a pandas Block"))
            .ToArray();
        var axes = Items(args[1], "BlockManager axes")
            .Select((a, i) => PickleValues.As<PandasIndex>(a, $"BlockManager axis {i}", "a pandas Index"))
            .ToArray();
        if (axes.Length != 2)
            throw new PickleContentException($"BlockManager has {axes.Length} axes, expected 2 (a DataFrame)");
        return new PandasBlockManager(blocks, axes);
    }

    private static IReadOnlyList<object?> Items(object? value, string what) => value switch
    {
        PickleTuple t => t.Items,
        List<object?> l => l,
        _ => throw new PickleContentException($"{what} is {PickleValues.Describe(value)}, expected a tuple or list"),
    };
}
