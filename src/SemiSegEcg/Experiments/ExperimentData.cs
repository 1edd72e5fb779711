using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Randomness;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Pipeline;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Experiments;

/// <summary>Loads and preprocesses the splits a config names, and builds the view recipes of its augmentation blocks.</summary>
public static class ExperimentData
{
    /// <summary>Resample to <c>signal_length</c>, then the <c>dataset.filter</c> chain (deterministic, label untouched).</summary>
    public static SamplePreprocessing Preprocessing(ExperimentConfig config)
    {
        var filter = ConfiguredTransforms.Build(config.Dataset.Filter, "dataset.filter");
        if (filter is { ChangesLabel: true })
            throw new ConfigException("dataset.filter: a filter must not change the label (use dataset.augmentations for label-changing ops)", config.ConfigPath, "dataset.filter");
        return new SamplePreprocessing(config.Dataset.SignalLength,
            filter is null ? null : signal => filter.Apply(new EcgView(signal), new SeededRandom(0)).Signal);
    }

    public static IReadOnlyList<EcgSample> LoadSplit(ExperimentConfig config, DatasetPaths paths, string indexPath,
        bool labeled, SamplePreprocessing preprocessing, ICollection<string>? warnings = null, IProgress<int>? progress = null)
    {
        var entries = IndexCsv.Read(indexPath, config.Dataset.FilenameCol, config.Dataset.LabelFilenameCol, requireLabels: labeled);
        if (entries.Count == 0) throw new InvalidDataException($"{indexPath}: the index lists no sample");
        return SampleStore.Load(entries, paths.EcgDir, labeled ? paths.LabelDir : null, labeled, preprocessing,
            warnings: warnings, progress: progress);
    }

    /// <summary>
    /// Whether training reads the unlabeled index: every semi-supervised method does, and the supervised baseline when
    /// step-matched (its labeled set is oversampled to the unlabeled set's size).
    /// </summary>
    public static bool ReadsUnlabeled(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Algorithm.Entry.DataNeeds.UsesUnlabeled || config.Train.StepMatched;
    }

    /// <summary>The training, unlabeled (when the method or step matching needs it) and validation splits, preprocessed once.</summary>
    public static TrainingData LoadTraining(LoadedConfig loaded, DatasetPaths paths, AlgorithmDataNeeds needs,
        ICollection<string>? warnings = null, Action<string>? status = null)
    {
        var config = loaded.Config;
        var preprocessing = Preprocessing(config);
        ConfiguredTransforms.ValidateFinal(config.Dataset.Transforms);
        var weak = ConfiguredTransforms.Build(config.Dataset.Augmentations, "dataset.augmentations");
        ISignalTransform? strong = null;
        if (needs.UnlabeledStrongViews > 0)
        {
            strong = ConfiguredTransforms.Build(config.Dataset.StrongAugmentations, "dataset.strong_augmentations")
                ?? throw new ConfigException($"{config.Algorithm}: dataset.strong_augmentations is required by this algorithm", config.ConfigPath, "dataset.strong_augmentations");
            if (strong.ChangesLabel)
                throw new ConfigException("dataset.strong_augmentations: strong views must not change the label (the mask belongs to the weak view)", config.ConfigPath, "dataset.strong_augmentations");
        }

        status?.Invoke($"loading {Path.GetFileName(paths.TrainLabeledIndex)}");
        var labeled = LoadSplit(config, paths, paths.TrainLabeledIndex, labeled: true, preprocessing, warnings);
        IReadOnlyList<EcgSample>? unlabeled = null;
        if (needs.UsesUnlabeled || config.Train.StepMatched)
        {
            string index = paths.TrainUnlabeledIndex
                ?? throw new ConfigException($"{config.Algorithm}: dataset.train_unlabeled_csv is required", config.ConfigPath, "dataset.train_unlabeled_csv");
            status?.Invoke($"loading {Path.GetFileName(index)}");
            unlabeled = LoadSplit(config, paths, index, labeled: false, preprocessing, warnings);
        }
        status?.Invoke($"loading {Path.GetFileName(paths.ValidIndex)}");
        var valid = LoadSplit(config, paths, paths.ValidIndex, labeled: true, preprocessing, warnings);
        return new TrainingData(labeled, unlabeled, valid, new ViewRecipe(weak, null, 0),
            new ViewRecipe(weak, strong, needs.UnlabeledStrongViews), config.Dataset.SignalLength);
    }
}
