using System.Globalization;
using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Randomness;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Pipeline;
using SemiSegEcg.Signal;
using SemiSegEcg.Transforms;
using SignalPreprocessing = SemiSegEcg.Signal.Preprocessing;

namespace SemiSegEcg.Experiments;

/// <summary>Loads and preprocesses the splits a config names, and builds the view recipes of its augmentation blocks.</summary>
public static class ExperimentData
{
    /// <summary>The length of the benchmark's records: a model input spans this long when no filter names the rate.</summary>
    private const double BenchmarkRecordSeconds = 10.0;

    /// <summary>
    /// The preprocessing a config trains with: <c>dataset.signal_length</c> samples at the <c>fs</c> of the
    /// <c>dataset.filter</c> stages (all at one rate; without filters, <c>signal_length</c> / 10 s, the benchmark's
    /// record length), those Butterworth stages in order, z-score, one lead.
    /// </summary>
    /// <exception cref="ConfigException">A <c>dataset.filter</c> item that is not a Butterworth filter, filters at different rates, or unusable values.</exception>
    public static SignalPreprocessing Preprocessing(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var node = config.Dataset.Filter;
        var chain = ConfiguredTransforms.Build(node, "dataset.filter");
        IReadOnlyList<ISignalTransform> stages = chain switch
        {
            null => [],
            Compose compose => compose.Transforms,
            _ => [chain],
        };
        var filters = new List<FilterStage>(stages.Count);
        double? rate = null;
        for (int i = 0; i < stages.Count; i++)
        {
            string key = ConfigNode.ItemPath("dataset.filter", i);
            var itemNode = node is ConfigSequence sequence && i < sequence.Items.Count ? sequence.Items[i] : node!;
            if (stages[i] is not ButterworthFilter filter)
                throw ConfigException.At(itemNode, key, $"{stages[i].GetType().Name} is not a Butterworth filter; dataset.filter takes highpass_filter, lowpass_filter and sos_filter only (other ops belong in dataset.augmentations)");
            if (rate is double first && filter.SamplingRateHz != first)
                throw ConfigException.At(itemNode, key, $"fs is {filter.SamplingRateHz.ToString(CultureInfo.InvariantCulture)} Hz but dataset.filter[0] has {first.ToString(CultureInfo.InvariantCulture)} Hz; every filter runs at the model rate");
            rate = filter.SamplingRateHz;
            filters.Add(new FilterStage(filter.Type, filter.CutoffHz, filter.Order));
        }
        var preprocessing = new SignalPreprocessing
        {
            LengthSamples = config.Dataset.SignalLength,
            SamplingRateHz = rate ?? config.Dataset.SignalLength / BenchmarkRecordSeconds,
            Filters = filters,
        };
        if (preprocessing.Problem() is string problem)
            throw new ConfigException($"dataset.signal_length / dataset.filter: preprocessing {problem}", config.ConfigPath, "dataset.signal_length");
        return preprocessing;
    }

    public static IReadOnlyList<EcgSample> LoadSplit(ExperimentConfig config, DatasetPaths paths, string indexPath,
        bool labeled, SignalPreprocessing preprocessing, ICollection<string>? warnings = null, IProgress<int>? progress = null)
    {
        var entries = IndexCsv.Read(indexPath, config.Dataset.FilenameCol, config.Dataset.LabelFilenameCol, requireLabels: labeled);
        if (entries.Count == 0) throw new InvalidDataException($"{indexPath}: the index lists no sample");
        return SampleStore.Load(entries, paths.EcgDir, labeled ? paths.LabelDir : null, labeled, new EcgPreprocessor(preprocessing),
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
            new ViewRecipe(weak, strong, needs.UnlabeledStrongViews), preprocessing);
    }
}
