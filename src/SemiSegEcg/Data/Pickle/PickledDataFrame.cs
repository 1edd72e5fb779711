namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// A pandas DataFrame read from a pickle: column names in order and, per column, one value per row
/// (<c>string</c>, <c>long</c>, <c>double</c>, <c>bool</c> or <c>null</c>). The row index labels are not kept;
/// row order is the DataFrame's order.
/// </summary>
public sealed record PickledDataFrame(IReadOnlyList<string> ColumnNames, int RowCount, IReadOnlyList<IReadOnlyList<object?>> Columns)
{
    public IReadOnlyList<object?> Column(string name)
    {
        for (int i = 0; i < ColumnNames.Count; i++)
        {
            if (ColumnNames[i] == name) return Columns[i];
        }
        throw new ArgumentException($"no column '{name}'; the frame has {string.Join(", ", ColumnNames)}", nameof(name));
    }
}
