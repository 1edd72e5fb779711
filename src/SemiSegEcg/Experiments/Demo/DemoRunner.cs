using SemiSegEcg.Config;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Delineation;
using SemiSegEcg.Synthetic;
using SemiSegEcg.Training;

namespace SemiSegEcg.Experiments.Demo;

/// <summary>
/// The zero-download demo: generate synthetic ECGs with exact masks (or use prepared LUDB when present), train a
/// ResNet-18 + U-Net briefly, test it, then delineate a held-out record and compare with its true delineation.
/// </summary>
public static class DemoRunner
{
    public const long HeldOutSeed = 424242;

    public static DemoOutcome Run(DemoOptions options, ITrainingObserver observer, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(options.OutputDir);
        string? realRoot = options.DataRoot is { Length: > 0 } root && HasLudb(root) ? Path.GetFullPath(root) : null;
        string dataRoot = realRoot ?? Path.Combine(Path.GetFullPath(options.OutputDir), "data");
        if (realRoot is null)
        {
            observer.OnMessage($"generating {options.Records} synthetic 12-lead records (no download needed)");
            DatabasePreparation.Run(new SyntheticPreparer(options.Records), Path.Combine(dataRoot, "synthetic"), seed: 0);
        }

        var set = EpochBudget.Assignments(options.Epochs);
        var loaded = ConfigLoader.Load(
            Path.Combine(options.ConfigsRoot, "base", "resnet18_unet", "scratch.yaml"),
            Path.Combine(options.ConfigsRoot, "demo", realRoot is null ? "synthetic.yaml" : "ludb.yaml"),
            new CliOverrides { DataRoot = dataRoot, OutputDir = Path.Combine(Path.GetFullPath(options.OutputDir), "runs"), Set = set });

        ExperimentRunner.Train(loaded, observer, cancellation);
        var test = ExperimentRunner.Test(loaded, cancellation: cancellation);

        using var trained = TrainedModel.Load(loaded.Config.RunDirectory);
        var (recording, truth) = realRoot is null ? HeldOutSynthetic() : LudbRecord(realRoot);
        var delineator = trained.CreateDelineator();
        var predicted = delineator.Delineate(recording);
        var reference = delineator.PostProcessor.ProcessLabels(recording, truth);

        string outputDir = Path.GetFullPath(options.OutputDir);
        string plot = Path.Combine(outputDir, $"delineation_{predicted.RecordName}.png");
        DelineationPlot.Save(plot, recording, predicted);
        var written = DelineationCsvWriter.Write(outputDir, predicted).Append(plot).ToList();
        return new DemoOutcome(realRoot is null ? "synthetic" : "LUDB", loaded.Config.RunDirectory, test, predicted.RecordName,
            predicted, reference, plot, written);
    }

    private static bool HasLudb(string root) =>
        File.Exists(Path.Combine(root, "ludb", "index", "LUDB_train_labeled_1over4.csv"));

    /// <summary>A record the model never saw (its own seed), with its exact per-lead truth.</summary>
    private static (RecordingInput Recording, IReadOnlyList<byte[]> Truth) HeldOutSynthetic()
    {
        var ecg = SyntheticEcgGenerator.Generate(new SyntheticEcgOptions(), HeldOutSeed);
        var recording = new RecordingInput("synthetic-heldout", ecg.SamplingRateHz, ecg.LeadNames, ecg.Leads, "generated");
        return (recording, ecg.LeadNames.Select(_ => ecg.Mask).ToList());
    }

    /// <summary>The first LUDB test subject's 12-lead record from the raw download, with its annotated masks.</summary>
    private static (RecordingInput Recording, IReadOnlyList<byte[]> Truth) LudbRecord(string dataRoot)
    {
        string ludb = Path.Combine(dataRoot, "ludb");
        var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(ludb, "summary.json")));
        string raw = summary.RootElement.GetProperty("Options").GetProperty("raw").GetString()
            ?? throw new InvalidDataException($"{ludb}/summary.json names no raw folder");
        string subject = Data.Index.IndexCsv.Read(Path.Combine(ludb, "index", "LUDB_test.csv"))[0].SubjectId;
        var recording = RecordingReader.Read(Path.Combine(raw, subject));
        var preparer = new LudbPreparer(raw, new MaskOptions(), keepIncompleteLeads: true);
        var masks = preparer.ReadSamples(new List<DroppedItem>()).Where(s => s.SubjectId == subject).ToDictionary(s => s.Name, s => s.Label!);
        var truth = recording.LeadNames.Select(lead => masks[$"{subject}_lead_{SampleSignals.LeadName(lead)}"]).ToList();
        return (recording, truth);
    }
}
