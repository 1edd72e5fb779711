using System.Collections.Frozen;

namespace SemiSegEcg.Data.Pickle;

/// <summary>Which <c>module.name</c> globals a pickle may reference, and what to tell the user when it names another.</summary>
internal sealed class PickleAllowList
{
    private static readonly KeyValuePair<string, PickleGlobal>[] NumpyEntries =
    [
        new("numpy.core.multiarray._reconstruct", PickleGlobal.NumpyReconstruct),
        new("numpy._core.multiarray._reconstruct", PickleGlobal.NumpyReconstruct),
        new("numpy.ndarray", PickleGlobal.NumpyNdarrayType),
        new("numpy.dtype", PickleGlobal.NumpyDtype),
        new("numpy.core.numeric._frombuffer", PickleGlobal.NumpyFromBuffer),
        new("numpy._core.numeric._frombuffer", PickleGlobal.NumpyFromBuffer),
        // Protocol 2 has no bytes opcode, so numpy's raw buffer arrives as _codecs.encode(latin-1 text, 'latin1').
        new("_codecs.encode", PickleGlobal.CodecsEncode),
    ];

    private static readonly KeyValuePair<string, PickleGlobal>[] PandasEntries =
    [
        new("pandas.core.frame.DataFrame", PickleGlobal.PandasDataFrameType),
        new("pandas.core.internals.managers.BlockManager", PickleGlobal.PandasBlockManager),
        new("pandas._libs.internals._unpickle_block", PickleGlobal.PandasUnpickleBlock),
        new("pandas.core.indexes.base._new_Index", PickleGlobal.PandasNewIndex),
        new("pandas.core.indexes.base.Index", PickleGlobal.PandasIndexType),
        new("pandas.core.indexes.numeric.Int64Index", PickleGlobal.PandasIndexType),
        new("pandas.core.indexes.numeric.UInt64Index", PickleGlobal.PandasIndexType),
        new("pandas.core.indexes.numeric.Float64Index", PickleGlobal.PandasIndexType),
        new("pandas.core.indexes.range.RangeIndex", PickleGlobal.PandasRangeIndexType),
        // Block placements are pickled as slice objects.
        new("builtins.slice", PickleGlobal.BuiltinSlice),
    ];

    /// <summary>Only what numpy needs to rebuild an <c>ndarray</c> (protocols 2–5, numpy 1.x and 2.x module names).</summary>
    public static PickleAllowList NumpyArrays { get; } = new(
        NumpyEntries,
        "Only numpy array reconstruction globals are allowed (numpy _reconstruct, ndarray, dtype, _frombuffer and "
        + "_codecs.encode).",
        "");

    /// <summary>numpy plus the pandas internals of a plain DataFrame (object/int/float/bool columns, RangeIndex or Index).</summary>
    public static PickleAllowList PandasFrames { get; } = new(
        [.. NumpyEntries, .. PandasEntries],
        "Only plain pandas DataFrames (str/int/float/bool columns, RangeIndex or Index rows) can be read from a pickle; "
        + "save the index as CSV instead (pandas: df.to_csv(path, index=False)) and use the .csv index file.",
        "Save the index as CSV instead (pandas: df.to_csv(path, index=False)) and use the .csv index file.");

    private readonly FrozenDictionary<string, PickleGlobal> _globals;

    private PickleAllowList(IEnumerable<KeyValuePair<string, PickleGlobal>> globals, string refusalHint, string unsupportedHint)
    {
        _globals = globals.ToFrozenDictionary(StringComparer.Ordinal);
        RefusalHint = refusalHint;
        UnsupportedHint = unsupportedHint;
    }

    /// <summary>Appended to the message when a global is refused.</summary>
    public string RefusalHint { get; }

    /// <summary>Appended (if not empty) when allowed globals describe content the reader cannot represent.</summary>
    public string UnsupportedHint { get; }

    public bool TryResolve(string module, string name, out PickleGlobal global) =>
        _globals.TryGetValue(module + "." + name, out global);
}
