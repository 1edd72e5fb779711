using System.Text.Json;
using System.Text.Json.Serialization;
using SemiSegEcg.Evaluation;
using SemiSegEcg.IO;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// A run's <see cref="EvaluationReport"/> metrics, computed once from its test outputs and kept in
/// <c>&lt;run&gt;/evaluation.json</c>; recomputed when <c>test_outputs.npy</c> or <c>test_labels.npy</c> is newer,
/// or when the cache cannot be read.
/// </summary>
public static class EvaluationCache
{
    public const string FileName = "evaluation.json";
    private const int Format = 1;

    /// <returns>The metrics by name and the number of test samples.</returns>
    public static (IReadOnlyDictionary<string, double> Metrics, int SampleCount) Load(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        string cache = Path.Combine(runDirectory, FileName);
        if (IsFresh(runDirectory, cache) && TryRead(cache) is { } cached) return (cached.Metrics, cached.SampleCount);

        var report = EvaluationReport.Compute(TestOutputsReader.ReadRunDirectory(runDirectory));
        var metrics = report.ToNamedMetrics().ToDictionary(m => m.Name, m => m.Value);
        AtomicFile.WriteAllText(cache, JsonSerializer.Serialize(new CacheFile(Format, report.SampleCount, metrics), JsonOptions));
        return (metrics, report.SampleCount);
    }

    private static bool IsFresh(string runDirectory, string cache)
    {
        if (!File.Exists(cache)) return false;
        var written = File.GetLastWriteTimeUtc(cache);
        return new[] { TestOutputsReader.OutputsFileName, TestOutputsReader.LabelsFileName }
            .All(f => File.GetLastWriteTimeUtc(Path.Combine(runDirectory, f)) <= written);
    }

    private static CacheFile? TryRead(string cache)
    {
        try
        {
            var file = JsonSerializer.Deserialize<CacheFile>(File.ReadAllText(cache), JsonOptions);
            return file is { Format: Format, Metrics: not null } ? file : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record CacheFile(int Format, int SampleCount, Dictionary<string, double> Metrics);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
