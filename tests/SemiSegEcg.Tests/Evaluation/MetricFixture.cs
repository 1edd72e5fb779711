using System.Text.Json;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Evaluation;

/// <summary>The reference metric fixtures (docs/reference/fixtures.md#metric-parity): 50 (truth, prediction) masks of 2,500 samples and <c>metrics.json</c>.</summary>
internal sealed class MetricFixture
{
    public const double Tolerance = 1e-9;

    private MetricFixture(long[][] truths, long[][] predictions, JsonElement metrics)
    {
        Truths = truths;
        Predictions = predictions;
        Metrics = metrics;
    }

    public long[][] Truths { get; }
    public long[][] Predictions { get; }
    public JsonElement Metrics { get; }
    public JsonElement Notebook => Metrics.GetProperty("notebook");
    public JsonElement TorchMetrics => Metrics.GetProperty("torchmetrics_meaniou");

    /// <summary>Loads the bundled fixture (tests/Fixtures/reference).</summary>
    public static MetricFixture Load()
    {
        string dir = SharedData.ReferenceFixtures;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        return new MetricFixture(
            Rows(NpyFile.Read(Path.Combine(dir, "metric_trues.npy"))),
            Rows(NpyFile.Read(Path.Combine(dir, "metric_preds.npy"))),
            json.RootElement.Clone());
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static long[][] Rows(NpyArray array)
    {
        Assert.Equal(2, array.Shape.Length);
        int rows = (int)array.Shape[0], length = (int)array.Shape[1];
        long[] data = array.AsInt64();
        return Enumerable.Range(0, rows).Select(r => data.AsSpan(r * length, length).ToArray()).ToArray();
    }
}
