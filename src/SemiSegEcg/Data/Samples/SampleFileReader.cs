using SemiSegEcg.Data.Pickle;
using SemiSegEcg.IO;

namespace SemiSegEcg.Data.Samples;

/// <summary>Reads one stored sample file: our <c>.npy</c>, or the original's pickled numpy arrays (<c>.pkl</c>).</summary>
public static class SampleFileReader
{
    public static double[] ReadSignal(string path)
    {
        var array = Read(path);
        var values = array.Data switch
        {
            float[] or double[] => array.AsFloat64(),
            _ => throw new InvalidDataException($"{path}: signal has integer type {array.Data.GetType().GetElementType()!.Name}, expected float32/float64"),
        };
        RequireOneLead(array, path);
        return values;
    }

    /// <summary>Reads a mask; every value must be a class id 0–3 or the ignore value 255.</summary>
    public static byte[] ReadLabel(string path)
    {
        var array = Read(path);
        RequireOneLead(array, path);
        if (array.Data is byte[] raw)
        {
            ValidateLabels(raw.Select(v => (long)v), path);
            return raw;
        }
        long[] values = array.Data switch
        {
            float[] or double[] => array.AsFloat64().Select(v => v == Math.Floor(v) ? (long)v : throw new InvalidDataException($"{path}: label value {v} is not a whole number")).ToArray(),
            _ => array.AsInt64(),
        };
        ValidateLabels(values, path);
        return Array.ConvertAll(values, v => (byte)v);
    }

    private static NpyArray Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: sample file not found", path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".npy" => NpyFile.Read(path),
            ".pkl" => NumpyPickleReader.ReadArray(path),
            string ext => throw new InvalidDataException($"{path}: unsupported sample file type '{ext}' (expected .npy or .pkl)"),
        };
    }

    private static void RequireOneLead(NpyArray array, string path)
    {
        bool oneDimensional = array.Shape.Length == 1 || (array.Shape.Length == 2 && array.Shape[0] == 1);
        if (!oneDimensional)
            throw new InvalidDataException($"{path}: shape ({string.Join(", ", array.Shape)}) is not a single lead (expected (T,) or (1, T))");
        if (array.Count == 0) throw new InvalidDataException($"{path}: empty array");
    }

    private static void ValidateLabels(IEnumerable<long> values, string path)
    {
        long index = 0;
        foreach (long v in values)
        {
            if (v is not (>= 0 and < WaveLabels.ClassCount) && v != WaveLabels.Ignore)
                throw new InvalidDataException($"{path}: label value {v} at position {index} is not a class id (0–3) or 255 (ignore)");
            index++;
        }
    }
}
