using System.Globalization;

namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// Reads index tables that the original project saved as pickled pandas DataFrames (pandas ≥ 1.1 block layout).
/// Only plain frames are understood: numpy-backed str/int/float/bool columns, a RangeIndex or Index for rows.
/// Anything else (categoricals, extension dtypes, MultiIndex, other globals) is refused with a message that says to
/// use the CSV index instead. Like <see cref="NumpyPickleReader"/>, nothing from the file is executed.
/// </summary>
public static class PandasFramePickleReader
{
    public static PickledDataFrame Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read pickle file ({e.Message})", e);
        }
        return Parse(bytes, path);
    }

    /// <summary>As <see cref="Read"/>, for pickle bytes already in memory; <paramref name="source"/> names them in errors.</summary>
    public static PickledDataFrame Parse(byte[] pickle, string source)
    {
        var allowList = PickleAllowList.PandasFrames;
        object? root = new RestrictedUnpickler(pickle, source, allowList).Load();
        if (root is not PandasFrameState { Manager: { } manager })
            throw new InvalidDataException(
                $"{source}: the pickle holds a {PickleValues.Describe(root)}, expected a pandas DataFrame. {allowList.UnsupportedHint}");
        try
        {
            return Assemble(manager);
        }
        catch (PickleContentException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}. {allowList.UnsupportedHint}");
        }
    }

    private static PickledDataFrame Assemble(PandasBlockManager manager)
    {
        PandasIndex columnsAxis = manager.Axes[0];
        PandasIndex rowsAxis = manager.Axes[1];
        if (rowsAxis.Length > Array.MaxLength || columnsAxis.Length > PandasBlock.MaxColumns)
            throw new PickleContentException(
                $"DataFrame of {rowsAxis.Length} rows × {columnsAxis.Length} columns is too large (at most {PandasBlock.MaxColumns} columns)");
        int rowCount = (int)rowsAxis.Length;
        int columnCount = (int)columnsAxis.Length;

        var names = new string[columnCount];
        for (int c = 0; c < columnCount; c++)
        {
            names[c] = columnsAxis.LabelAt(c) switch
            {
                string s => s,
                long l => l.ToString(CultureInfo.InvariantCulture),
                var other => throw new PickleContentException($"column name {c} is {PickleValues.Describe(other)}, expected str or int"),
            };
        }
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new PickleContentException($"column name '{duplicate.Key}' appears more than once");

        var columns = new object?[]?[columnCount];
        foreach (var block in manager.Blocks)
        {
            if (block.Values.Shape[1] != rowCount)
                throw new PickleContentException($"a block has {block.Values.Shape[1]} rows, the row index has {rowCount}");
            object?[] values = block.Values.ToObjects();
            for (int i = 0; i < block.Positions.Length; i++)
            {
                long position = block.Positions[i];
                if (position < 0 || position >= columnCount)
                    throw new PickleContentException($"a block places a column at {position}, outside 0..{columnCount - 1}");
                if (columns[position] is not null)
                    throw new PickleContentException($"column '{names[position]}' is stored in two blocks");
                columns[position] = values.AsSpan(i * rowCount, rowCount).ToArray();
            }
        }
        for (int c = 0; c < columnCount; c++)
        {
            if (columns[c] is null) throw new PickleContentException($"column '{names[c]}' is in no block");
        }
        return new PickledDataFrame(names, rowCount, columns.Select(c => (IReadOnlyList<object?>)c!).ToArray());
    }
}
