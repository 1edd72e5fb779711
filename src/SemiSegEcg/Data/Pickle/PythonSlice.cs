namespace SemiSegEcg.Data.Pickle;

/// <summary>A pickled <c>builtins.slice</c>; pandas stores contiguous block placements this way.</summary>
internal sealed record PythonSlice(long? Start, long? Stop, long? Step)
{
    /// <summary><c>slice(stop)</c>, <c>slice(start, stop)</c> or <c>slice(start, stop, step)</c>, as Python reads them.</summary>
    public static PythonSlice FromArguments(PickleTuple args)
    {
        PickleValues.ExpectCount(args, 1, 3, "slice(...)");
        return args.Count == 1
            ? new PythonSlice(null, PickleValues.AsOptionalLong(args[0], "slice stop"), null)
            : new PythonSlice(
                PickleValues.AsOptionalLong(args[0], "slice start"),
                PickleValues.AsOptionalLong(args[1], "slice stop"),
                args.Count == 3 ? PickleValues.AsOptionalLong(args[2], "slice step") : null);
    }

    /// <summary>
    /// The positions the slice selects; only bounded, forward slices (what pandas writes) are accepted, and at most
    /// <paramref name="maxCount"/> of them, checked before allocating so a tiny file cannot demand gigabytes.
    /// </summary>
    public long[] Positions(string what, long maxCount)
    {
        long start = Start ?? 0;
        long step = Step ?? 1;
        if (Stop is not { } stop || step <= 0 || start < 0)
            throw new PickleContentException($"{what} is {this}, expected a bounded forward slice");
        long count = stop <= start ? 0 : (stop - start + step - 1) / step;
        if (count > maxCount)
            throw new PickleContentException($"{what} is {this}, which selects {count} positions (at most {maxCount} allowed)");
        var positions = new long[count];
        for (long i = 0; i < count; i++) positions[i] = start + i * step;
        return positions;
    }
}
