namespace SemiSegEcg.IO;

/// <summary>An n-dimensional array read from or written to a NumPy <c>.npy</c> file (C order).</summary>
/// <param name="Shape">Dimensions; empty for a 0-d scalar.</param>
/// <param name="Data">Flat elements (a <c>&lt;f2</c> file is read as <c>float[]</c>): <c>float[]</c>, <c>double[]</c>, <c>long[]</c>, <c>int[]</c>, <c>byte[]</c>, <c>short[]</c> or <c>bool[]</c>.</param>
public sealed record NpyArray(long[] Shape, Array Data)
{
    public long Count => Data.LongLength;

    public float[] AsFloat32() => Data switch
    {
        float[] f => f,
        double[] d => Array.ConvertAll(d, v => (float)v),
        _ => throw new InvalidDataException($"array of {Data.GetType().GetElementType()!.Name} is not floating point"),
    };

    public double[] AsFloat64() => Data switch
    {
        double[] d => d,
        float[] f => Array.ConvertAll(f, v => (double)v),
        _ => throw new InvalidDataException($"array of {Data.GetType().GetElementType()!.Name} is not floating point"),
    };

    public long[] AsInt64() => Data switch
    {
        long[] l => l,
        int[] i => Array.ConvertAll(i, v => (long)v),
        short[] s => Array.ConvertAll(s, v => (long)v),
        byte[] b => Array.ConvertAll(b, v => (long)v),
        _ => throw new InvalidDataException($"array of {Data.GetType().GetElementType()!.Name} is not integer"),
    };
}
