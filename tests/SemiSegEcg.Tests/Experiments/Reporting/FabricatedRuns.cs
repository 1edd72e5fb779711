using SemiSegEcg.Config;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Experiments.Reporting;

/// <summary>
/// Run folders written by hand: a real saved config (a shipped base + bench override) and test outputs with known
/// metrics, so report tests need no training. Every sample has background, P at 50–69, QRS at 100–109 and T at
/// 200–239 (500 samples); a perfect run predicts exactly that, a degraded one predicts background over the T wave.
/// </summary>
internal static class FabricatedRuns
{
    public const int LengthSamples = 500;
    public const int SampleCount = 3;

    /// <summary>Pooled mIoU of a degraded run: background 430/470, P 1, QRS 1, T 0.</summary>
    public const double DegradedPooledMeanIou = (430.0 / 470.0 + 1 + 1 + 0) / 4;

    /// <summary>Writes <c>&lt;root&gt;/&lt;backbone&gt;/&lt;algorithm&gt;/&lt;exp_name&gt;</c> and returns its path.</summary>
    /// <param name="benchOverride">Path under <c>configs/bench</c>, e.g. <c>ludb/1over16.yaml</c>.</param>
    public static string Write(string root, string backbone, string algorithm, string benchOverride, int seed, bool degraded = false,
        string? expName = null, params string[] set)
    {
        string configs = Path.Combine(SharedData.RepoRoot, "configs");
        string outputDir = Path.Combine(root, backbone, algorithm);
        string bench = Path.Combine(configs, "bench", benchOverride);
        string name = expName ?? $"{Path.GetFileName(Path.GetDirectoryName(bench))}/{Path.GetFileNameWithoutExtension(bench)}/seed{seed}";
        var loaded = ConfigLoader.Load(Path.Combine(configs, "base", backbone, algorithm + ".yaml"), bench,
            new CliOverrides { OutputDir = outputDir, ExpName = name, Seed = seed, Set = set });
        string run = loaded.Config.RunDirectory;
        Directory.CreateDirectory(run);
        ConfigWriter.Save(Path.Combine(run, "config.yaml"), loaded.Node);
        WriteOutputs(run, degraded);
        return run;
    }

    public static void WriteOutputs(string run, bool degraded)
    {
        long[] truth = Truth();
        var labels = new long[SampleCount * 4 * LengthSamples];
        var probabilities = new float[SampleCount * 4 * LengthSamples];
        for (int n = 0; n < SampleCount; n++)
        {
            for (int t = 0; t < LengthSamples; t++)
            {
                long predicted = degraded && truth[t] == 3 ? 0 : truth[t];
                labels[(n * 4 + truth[t]) * LengthSamples + t] = 1;
                probabilities[(n * 4 + predicted) * LengthSamples + t] = 0.7f;
                for (int c = 0; c < 4; c++)
                    if (c != predicted) probabilities[(n * 4 + c) * LengthSamples + t] = 0.1f;
            }
        }
        NpyFile.Write(Path.Combine(run, "test_outputs.npy"), probabilities, SampleCount, 4, LengthSamples);
        NpyFile.Write(Path.Combine(run, "test_labels.npy"), labels, SampleCount, 4, LengthSamples);
    }

    public static long[] Truth()
    {
        var truth = new long[LengthSamples];
        for (int t = 50; t < 70; t++) truth[t] = 1;
        for (int t = 100; t < 110; t++) truth[t] = 2;
        for (int t = 200; t < 240; t++) truth[t] = 3;
        return truth;
    }
}
