using System.Text.Json;
using SemiSegEcg.IO;
using SemiSegEcg.Randomness;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

/// <summary>Reference inputs (real LUDB leads) and the energy-ratio statistics of docs/reference/fixtures.md#augmentation-statistics.</summary>
internal static class TransformFixtures
{
    /// <summary>Calls per op in augmentation_facts.json.</summary>
    public const int FactsCalls = 2000;

    public static string Reference(params string[] parts) => Path.Combine([SharedData.ReferenceFixtures, .. parts]);

    /// <summary>LUDB record 1 lead ii, z-scored (the input of the deterministic augmentation fixtures).</summary>
    public static double[] StandardizedSignal() => Float64(Reference("preprocessing", "ludb_1_ii_standardized.npy"));

    /// <summary>LUDB record 1 lead ii, filtered but not standardized (mV): what the reference's strong augmentation sees.</summary>
    public static double[] MillivoltSignal() => Float64(Reference("preprocessing", "ludb_1_ii_lowpassed.npy"));

    public static byte[] Mask(string tag = "ludb_1_ii") =>
        NpyFile.Read(Reference("preprocessing", $"{tag}_mask_2500.npy")).AsInt64().Select(v => checked((byte)v)).ToArray();

    public static double[] Float64(string path) => NpyFile.Read(path).AsFloat64();

    public static long[] Int64(string path) => NpyFile.Read(path).AsInt64();

    public static JsonElement Json(params string[] parts) => JsonDocument.Parse(File.ReadAllText(Reference(parts))).RootElement;

    /// <summary>Σ(out − in)² / Σin² over the samples.</summary>
    public static double EnergyRatio(ReadOnlySpan<double> output, ReadOnlySpan<double> input)
    {
        double difference = 0, energy = 0;
        for (int i = 0; i < input.Length; i++)
        {
            double d = output[i] - input[i];
            difference += d * d;
            energy += input[i] * input[i];
        }
        return difference / energy;
    }

    public static double MaxAbsDifference(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double max = 0;
        for (int i = 0; i < actual.Length; i++) max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        return max;
    }

    /// <summary>Energy-ratio statistics over <paramref name="calls"/> applications with one seeded stream.</summary>
    public static EnergyStatistics Measure(ISignalTransform transform, double[] signal, int calls = FactsCalls, ulong seed = 12345)
    {
        var random = new SeededRandom(seed);
        var input = new EcgView(signal);
        var ratios = new double[calls];
        int noop = 0;
        for (int c = 0; c < calls; c++)
        {
            double[] output = transform.Apply(input, random).Signal;
            ratios[c] = EnergyRatio(output, signal);
            if (output.AsSpan().SequenceEqual(signal)) noop++;
        }
        double mean = ratios.Average();
        double std = Math.Sqrt(ratios.Select(r => (r - mean) * (r - mean)).Average());
        return new EnergyStatistics(mean, std, (double)noop / calls, calls);
    }
}

internal sealed record EnergyStatistics(double Mean, double Std, double FractionExactNoop, int Calls);
