using System.Text.Json;
using System.Text.Json.Nodes;

namespace SemiSegEcg.Training;

/// <summary>
/// <c>log.txt</c>: one JSON object per epoch (<c>train_*</c> meter averages, <c>valid_loss</c>, <c>MeanIoU</c>,
/// <c>mIoU_pooled</c>, <c>epoch</c>), as the original writes it. On resume, lines of epochs that will be re-run are dropped.
/// </summary>
public static class RunLog
{
    public static void Append(string path, EpochMetrics metrics)
    {
        var line = new JsonObject();
        foreach (var (name, value) in metrics.TrainAverages) line["train_" + name] = value;
        line["valid_loss"] = metrics.ValidLoss;
        line["MeanIoU"] = metrics.MeanIou;
        line["mIoU_pooled"] = metrics.PooledMeanIou;
        line["epoch"] = metrics.Epoch;
        line["seconds"] = Math.Round(metrics.Duration.TotalSeconds, 2);
        File.AppendAllText(path, line.ToJsonString() + "\n");
    }

    /// <summary>Keeps only the lines of epochs before <paramref name="epoch"/> (resume from a checkpoint).</summary>
    public static void TruncateFrom(string path, int epoch)
    {
        if (!File.Exists(path)) return;
        var kept = File.ReadAllLines(path).Where(l =>
        {
            try { return JsonNode.Parse(l)?["epoch"]?.GetValue<int>() < epoch; }
            catch (JsonException) { return false; }
        });
        IO.AtomicFile.WriteAllText(path, string.Concat(kept.Select(l => l + "\n")));
    }

    public static IReadOnlyList<JsonObject> Read(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList()
            : [];
}
