namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// One pandas block from <c>_unpickle_block(values, placement, ndim)</c>: a 2-D array whose row <c>i</c> is the
/// DataFrame column at <c>Positions[i]</c>.
/// </summary>
internal sealed record PandasBlock(PickledNdarray Values, long[] Positions)
{
    /// <summary>Far more than any index table has; bounds allocations driven by slice and RangeIndex sizes.</summary>
    public const int MaxColumns = 1 << 16;

    public static PandasBlock FromArguments(PickleTuple args)
    {
        PickleValues.ExpectCount(args, 3, 3, "_unpickle_block(...)");
        var values = PickleValues.As<PickledNdarray>(args[0], "block values", "a numpy.ndarray (extension arrays are not supported)");
        long[] positions = args[1] switch
        {
            PythonSlice slice => slice.Positions("block placement", MaxColumns),
            PickledNdarray array => Array.ConvertAll(array.ToObjects(), p => PickleValues.AsLong(p, "block placement item")),
            var other => throw new PickleContentException($"block placement is {PickleValues.Describe(other)}, expected a slice or an int array"),
        };
        long ndim = PickleValues.AsLong(args[2], "block ndim");
        if (ndim != 2 || values.Shape.Length != 2)
            throw new PickleContentException(
                $"block has ndim {ndim} and values of shape ({string.Join(", ", values.Shape)}); only 2-D numpy blocks are supported");
        if (values.Shape[0] != positions.Length)
            throw new PickleContentException(
                $"block values have {values.Shape[0]} columns but its placement names {positions.Length}");
        return new PandasBlock(values, positions);
    }
}
