using System.Diagnostics;

namespace SemiSegEcg.Bench;

/// <summary>Medians of repeated timings; interleaving is up to the caller so ratios come from one run.</summary>
internal static class Timing
{
    public static double Ms(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static void Report(string name, IReadOnlyDictionary<string, double> values)
    {
        string json = System.Text.Json.JsonSerializer.Serialize(new { name, values });
        Console.WriteLine(json);
        string? output = Environment.GetEnvironmentVariable("BENCH_OUT");
        if (output is not null) File.AppendAllText(output, json + "\n");
    }
}
