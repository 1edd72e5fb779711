using SemiSegEcg.Config;
using SemiSegEcg.Models;

namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>
/// A method as a config selects it (<see cref="ExperimentConfig.Algorithm"/>): the catalog entry that
/// <c>algorithm:</c> names, with its options bound from its own <c>train</c> keys.
/// </summary>
public abstract class ConfiguredMethod : IConfigConvertible<ConfiguredMethod>
{
    private protected ConfiguredMethod(MethodEntry entry) => Entry = entry;

    public MethodEntry Entry { get; }

    /// <summary>The <c>algorithm:</c> value.</summary>
    public string Name => Entry.Name;

    /// <summary>The bound options; the entry's typed factory reads them.</summary>
    public abstract IMethodOptions Options { get; }

    /// <summary>Builds the method's networks (through <paramref name="createModel"/>) and the method.</summary>
    public abstract ISegmentationAlgorithm Create(Func<EncoderDecoder> createModel);

    /// <summary>Builds stage <paramref name="index"/> of <see cref="MethodEntry.StageLayout"/> (the training path calls it once the earlier stages are done).</summary>
    public abstract StageSetup PrepareStage(int index, StageContext context);

    /// <summary>The name the run goes by in reports: the first variant that applies, else the entry's <see cref="MethodEntry.ConfigName"/>.</summary>
    public abstract string ReportName(TrainConfig train);

    /// <summary>
    /// The binder's half: the method that the <c>algorithm</c> value names, with default options. The method's keys
    /// live in the <c>train</c> mapping, out of this node's reach; <see cref="ConfigLoader"/> binds them over this
    /// (<see cref="MethodCatalog.Bind"/>).
    /// </summary>
    public static ConfiguredMethod FromConfig(ConfigNode node, string keyPath) => MethodCatalog.Find(node, keyPath).ConfigureDefaults();

    public override string ToString() => Name;
}
