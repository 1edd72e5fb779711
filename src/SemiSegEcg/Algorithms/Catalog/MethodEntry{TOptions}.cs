using SemiSegEcg.Config;
using SemiSegEcg.Models;

namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>A method's catalog entry, typed by its options record: the factory gets the bound options, not the whole config.</summary>
/// <param name="create">
/// Builds the method. It calls <c>createModel</c> once per network the method needs, in a fixed order, so a seeded
/// generator gives reproducible (and, for CPS, different) initialisations.
/// </param>
public sealed class MethodEntry<TOptions>(string name, string title, AlgorithmDataNeeds dataNeeds,
    Func<Func<EncoderDecoder>, TOptions, ISegmentationAlgorithm> create)
    : MethodEntry(name, title, dataNeeds, typeof(TOptions))
    where TOptions : class, IMethodOptions, new()
{
    private readonly Func<Func<EncoderDecoder>, TOptions, ISegmentationAlgorithm> _create = create ?? throw new ArgumentNullException(nameof(create));
    private IReadOnlyList<TrainingStage<TOptions>>? _stages;

    /// <summary>Switch-selected report names of this method, checked in order (the first that applies names the run).</summary>
    public IReadOnlyList<ReportVariant<TOptions>> Variants { get; init; } = [];

    /// <summary>
    /// The stages of a method that trains in stages (ST++), in order, the last in the run folder; by default one stage,
    /// in the run folder, that trains what the factory builds.
    /// </summary>
    public IReadOnlyList<TrainingStage<TOptions>> Stages
    {
        get => _stages ??= [new(TrainingStage.InRunFolder.Name, TrainingStage.InRunFolder.Folder,
            (context, options) => new StageSetup(Create(context.CreateModel, options)))];
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count == 0 || value[^1].Folder is not null)
                throw new ArgumentException($"{Name}: the last stage must train in the run folder (Folder null), which test reads", nameof(value));
            if (value.Select(s => s.Name).Distinct().Count() != value.Count || value.Select(s => s.Folder).Distinct().Count() != value.Count)
                throw new ArgumentException($"{Name}: each stage needs its own name and folder", nameof(value));
            _stages = value;
        }
    }

    public override IReadOnlyList<TrainingStage> StageLayout => Stages;

    public override IReadOnlyList<(string Name, string Title)> ReportNames =>
        Variants.Select(v => (v.Name, v.Title)).Prepend((ConfigName, Title)).ToArray();

    public ISegmentationAlgorithm Create(Func<EncoderDecoder> createModel, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        ArgumentNullException.ThrowIfNull(options);
        return _create(createModel, options);
    }

    /// <summary>This method with <paramref name="options"/> (unchecked: ranges are the loader's business).</summary>
    public ConfiguredMethod Configure(TOptions options) => new Configured(this, options ?? throw new ArgumentNullException(nameof(options)));

    public override ConfiguredMethod Bind(ConfigMapping options, string keyPath) => Configure(ConfigBinder.Bind<TOptions>(options, keyPath));

    public override ConfiguredMethod ConfigureDefaults() => Configure(new TOptions());

    private sealed class Configured(MethodEntry<TOptions> entry, TOptions options) : ConfiguredMethod(entry)
    {
        public override IMethodOptions Options => options;

        public override ISegmentationAlgorithm Create(Func<EncoderDecoder> createModel) => entry.Create(createModel, options);

        public override StageSetup PrepareStage(int index, StageContext context) => entry.Stages[index].Prepare(context, options);

        public override string ReportName(TrainConfig train) =>
            entry.Variants.FirstOrDefault(v => v.Applies(options, train))?.Name ?? entry.ConfigName;
    }
}
