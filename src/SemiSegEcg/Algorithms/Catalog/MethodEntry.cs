using SemiSegEcg.Config;

namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>
/// What the rest of the program knows of a training method: its names, the data it needs, its <c>train</c> keys, and
/// how to bind them and build the method. Each method declares its entry beside its implementation
/// (<c>FixMatch.Entry</c>, a <see cref="MethodEntry{TOptions}"/>); <see cref="MethodCatalog.All"/> lists them.
/// </summary>
public abstract class MethodEntry
{
    private readonly string? _configName;

    private protected MethodEntry(string name, string title, AlgorithmDataNeeds dataNeeds, Type optionsType)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentNullException.ThrowIfNull(dataNeeds);
        Name = name;
        Title = title;
        DataNeeds = dataNeeds;
        OptionKeys = ConfigBinder.KeysOf(optionsType);
        AcceptedOptionKeys = ConfigBinder.AcceptedKeysOf(optionsType);
    }

    /// <summary>The <c>algorithm:</c> value, also recorded in checkpoints (<c>fixmatch</c>; the original's <c>base</c> for the supervised baseline).</summary>
    public string Name { get; }

    /// <summary>Name in tables, plots and messages (<c>FixMatch</c>).</summary>
    public string Title { get; }

    /// <summary>What a step consumes; <see cref="AlgorithmDataNeeds.UsesUnlabeled"/> also decides whether a run reads the unlabeled index.</summary>
    public AlgorithmDataNeeds DataNeeds { get; }

    /// <summary>
    /// The config file and report name (<c>configs/base/&lt;model&gt;/&lt;ConfigName&gt;.yaml</c>, the sweep's
    /// <c>--algorithms</c>); <see cref="Name"/> unless set (the original calls the supervised configs <c>scratch</c>).
    /// </summary>
    public string ConfigName
    {
        get => _configName ?? Name;
        init => _configName = value;
    }

    /// <summary>Whether the method's networks need the latent projection head (<c>use_latent_projection: true</c>).</summary>
    public bool NeedsLatentProjection { get; init; }

    /// <summary>The method's <c>train</c> keys, in declaration order (aliases left out).</summary>
    public IReadOnlyList<string> OptionKeys { get; }

    /// <summary>The method's <c>train</c> keys and their aliases (<c>eash_conf_thresh</c>).</summary>
    public IReadOnlyList<string> AcceptedOptionKeys { get; }

    /// <summary>The stages a run trains, in order; the last one trains in the run folder.</summary>
    public abstract IReadOnlyList<TrainingStage> StageLayout { get; }

    /// <summary>The report names of the method's runs with their titles: <see cref="ConfigName"/> first, then the variants'.</summary>
    public abstract IReadOnlyList<(string Name, string Title)> ReportNames { get; }

    /// <summary>
    /// Binds the method's options from <paramref name="options"/>, a mapping that holds only <see cref="AcceptedOptionKeys"/>
    /// and sits at <paramref name="keyPath"/> (<c>train</c>), so a value of the wrong type is reported at its file, line
    /// and key. Ranges are checked later, by <see cref="IMethodOptions.Validate"/>.
    /// </summary>
    public abstract ConfiguredMethod Bind(ConfigMapping options, string keyPath);

    /// <summary>This method with its default options (the values a config that sets none of its keys gets).</summary>
    public abstract ConfiguredMethod ConfigureDefaults();

    public override string ToString() => Name;
}
