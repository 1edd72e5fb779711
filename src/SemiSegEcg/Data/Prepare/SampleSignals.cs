namespace SemiSegEcg.Data.Prepare;

/// <summary>Small conversions shared by the preparers.</summary>
public static class SampleSignals
{
    /// <summary>Physical float64 signal → float32; a NaN (invalid ADC sample) is an error naming the source.</summary>
    public static float[] ToFloat32(double[] physical, string source)
    {
        var result = new float[physical.Length];
        for (int i = 0; i < physical.Length; i++)
        {
            if (double.IsNaN(physical[i]))
                throw new InvalidDataException($"{source}: sample {i} is an invalid (missing) ADC value");
            result[i] = (float)physical[i];
        }
        return result;
    }

    /// <summary>Lead name as used in sample names: upper case, only letters and digits (<c>ML II</c> → <c>MLII</c>).</summary>
    public static string LeadName(string description) =>
        new(description.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>True when a physical signal holds an invalid (NaN) sample.</summary>
    public static bool HasInvalidSamples(double[] physical) => Array.Exists(physical, double.IsNaN);
}
