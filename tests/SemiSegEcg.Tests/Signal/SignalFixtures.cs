using System.Text.Json;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Signal;

/// <summary>Paths and loaders for the reference fixtures used by the signal tests (bundled in tests/Fixtures/reference).</summary>
internal static class SignalFixtures
{
    public static readonly string[] Cases = ["ludb_1_ii", "ludb_2_v1"];

    public static readonly int[] ResizeSizes = [1250, 1251, 1999, 2500, 2501, 3125, 4999];

    public static string Preprocessing(string file) => Path.Combine(SharedData.ReferenceFixtures, "preprocessing", file);

    public static string Augmentation(string file) => Path.Combine(SharedData.ReferenceFixtures, "augmentation_deterministic", file);

    public static double[] Float64(string path) => NpyFile.Read(path).AsFloat64();

    public static long[] Int64(string path) => NpyFile.Read(path).AsInt64();

    public static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    public static double[,] SosFromJson(JsonElement rows)
    {
        int n = rows.GetArrayLength();
        var sos = new double[n, 6];
        for (int s = 0; s < n; s++)
        {
            for (int c = 0; c < 6; c++) sos[s, c] = rows[s][c].GetDouble();
        }
        return sos;
    }

    public static double MaxAbsDifference(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double max = 0;
        for (int i = 0; i < actual.Length; i++) max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        return max;
    }
}
