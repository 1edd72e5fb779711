using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Training;

/// <summary>The files of one run: <c>&lt;output_dir&gt;/&lt;exp_name&gt;/</c>.</summary>
public sealed record RunDirectory(string Path)
{
    /// <summary>The checkpoint of the best validation loss (<see cref="MetricCatalog.ValidationLoss"/>).</summary>
    public static string BestLoss { get; } = BestOf(MetricCatalog.ValidationLoss.Name);

    /// <summary>The checkpoint of the best validation MeanIoU (<see cref="MetricCatalog.ValidationMeanIou"/>), tested by default.</summary>
    public static string BestMeanIou { get; } = BestOf(MetricCatalog.ValidationMeanIou.Name);

    public const string Last = "last";
    public const string CheckpointExtension = ".ckpt";

    public string ConfigFile => Combine("config.yaml");
    public string LogFile => Combine("log.txt");
    public string TestMetricsFile => Combine("test_metrics.csv");
    public string TestOutputsFile => Combine("test_outputs.npy");
    public string TestLabelsFile => Combine("test_labels.npy");

    public string Checkpoint(string name) => Combine(name + CheckpointExtension);

    /// <summary>The checkpoint kept for the best value of <paramref name="metric"/>, one of <see cref="MetricCatalog.Checkpointed"/> (<c>test.target_metric</c>).</summary>
    public static string BestOf(string metric) => "best-" + metric;

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public void Create() => Directory.CreateDirectory(Path);

    /// <summary>
    /// Deletes the temporary files that atomic writes of a killed process left in the run folder (each as large as a
    /// checkpoint); nothing else writes <c>.*.tmp</c> files there.
    /// </summary>
    public void RemoveStaleTemporaryFiles()
    {
        if (!Directory.Exists(Path)) return;
        foreach (string file in Directory.GetFiles(Path, ".*.tmp")) File.Delete(file);
    }
}
