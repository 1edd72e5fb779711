using SemiSegEcg.Config;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Experiments;

/// <summary>Builds the transform chains of the <c>dataset</c> block (<c>filter</c>, <c>augmentations</c>, <c>strong_augmentations</c>, <c>transforms</c>).</summary>
public static class ConfiguredTransforms
{
    /// <summary>Null when the block is absent or empty; errors name the config file, line and key.</summary>
    public static ISignalTransform? Build(ConfigNode? node, string keyPath)
    {
        if (node is null || node.IsNull) return null;
        if (node is ConfigSequence { Items.Count: 0 }) return null;
        try
        {
            var specs = TransformSpecParser.FromYaml(ConfigWriter.ToYaml(node), keyPath);
            return specs.Count == 0 ? null : TransformFactory.Build(specs, keyPath);
        }
        catch (Exception e) when (e is TransformSpecException or ArgumentException or NotSupportedException)
        {
            throw ConfigException.At(node, keyPath, e.Message);
        }
    }

    /// <summary>
    /// The final <c>transforms</c> block must be the loader's standardize (+ to_tensor): every view is z-scored and
    /// converted to float32 by the batcher, so other final transforms are refused rather than silently ignored.
    /// </summary>
    public static void ValidateFinal(ConfigNode? node)
    {
        var chain = Build(node, "dataset.transforms");
        var ops = chain switch
        {
            null => [],
            Compose compose => compose.Transforms,
            _ => [chain],
        };
        var unsupported = ops.Where(t => t is not (Standardize or ToTensor)).Select(t => t.GetType().Name).ToList();
        if (unsupported.Count > 0)
            throw ConfigException.At(node!, "dataset.transforms", $"only standardize and to_tensor are supported as final transforms, found {string.Join(", ", unsupported)}");
        if (node is not null && !ops.Any(t => t is Standardize))
            throw ConfigException.At(node, "dataset.transforms", "standardize is required (every view is z-scored, as in the benchmark)");
    }
}
