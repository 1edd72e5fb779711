namespace SemiSegEcg.Data.Pickle;

/// <summary>A Python tuple read from a pickle (kept distinct from lists, which pickles build by appending).</summary>
internal sealed record PickleTuple(object?[] Items)
{
    public static PickleTuple Empty { get; } = new([]);

    public int Count => Items.Length;

    public object? this[int index] => Items[index];
}
