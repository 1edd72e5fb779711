using SemiSegEcg.Delineation;

namespace SemiSegEcg.Experiments.Demo;

/// <summary>What the demo did: which data, the test metrics, and the delineation of a held-out record against its truth.</summary>
public sealed record DemoOutcome(
    string DataSource,
    string RunDirectory,
    TestOutcome Test,
    string RecordName,
    DelineationResult Predicted,
    DelineationResult Reference,
    string PlotPath,
    IReadOnlyList<string> WrittenFiles);
