using SemiSegEcg.Models;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;
using static TorchSharp.torch;

namespace SemiSegEcg.Experiments;

/// <summary>
/// The backbone weights named by <c>pretrained_backbone</c> (docs/reference/original-behaviour.md#configuration: a mode
/// other than scratch loads a backbone state dict non-strictly). Read once from one of our checkpoints (its <c>model</c>
/// network) or a PyTorch file (a state dict, or a checkpoint dict's <c>model</c>), then copied into the backbone of
/// each network a run trains; the decode head (and ReCo's projection) is explicitly kept at its fresh initialisation.
/// Backbone tensors are the keys under <c>backbone.</c> (a whole network's state dict), or, when no key has that
/// prefix, every key as it is (a backbone's own state dict). Every backbone parameter must be in the file (legacy ViT
/// names included, <see cref="StateDictMatch"/>); a file that would leave part of the backbone random is refused.
/// </summary>
public sealed class PretrainedBackbone : IDisposable
{
    private const string BackboneModule = "backbone";
    private const string BackbonePrefix = BackboneModule + ".";
    private const string DataParallelPrefix = "module.";
    private const int ListedKeys = 3;

    // Keyed as in a whole network (backbone.*), whatever form the file had.
    private readonly Dictionary<string, Tensor> _tensors;

    private PretrainedBackbone(string path, Dictionary<string, Tensor> tensors)
    {
        Path = path;
        _tensors = tensors;
    }

    public string Path { get; }

    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a checkpoint or state dict, or holds no tensor.</exception>
    public static PretrainedBackbone Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var state = path.EndsWith(RunDirectory.CheckpointExtension, StringComparison.OrdinalIgnoreCase)
            ? CheckpointStore.ReadNetworkState(path, CheckpointImporter.ModelEntry)
            : CheckpointImporter.ReadPyTorchStateDict(path);
        if (state.Count > 0 && state.Keys.All(k => k.StartsWith(DataParallelPrefix, StringComparison.Ordinal)))
            state = state.ToDictionary(kv => kv.Key[DataParallelPrefix.Length..], kv => kv.Value, StringComparer.Ordinal);
        if (!state.Keys.Any(k => k.StartsWith(BackbonePrefix, StringComparison.Ordinal)))
            return new PretrainedBackbone(path, state.ToDictionary(kv => BackbonePrefix + kv.Key, kv => kv.Value, StringComparer.Ordinal));

        var backbone = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, tensor) in state)
        {
            if (key.StartsWith(BackbonePrefix, StringComparison.Ordinal)) backbone[key] = tensor;
            else tensor.Dispose();
        }
        return new PretrainedBackbone(path, backbone);
    }

    /// <summary>
    /// Copies the tensors into <paramref name="model"/>'s backbone, keeping every other module (decode head, projection)
    /// as initialised.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// No tensor of the file is one of the backbone's, some backbone parameter is not in the file, or a shared tensor
    /// differs in shape.
    /// </exception>
    public CheckpointImportResult LoadInto(EncoderDecoder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var keep = model.named_children().Select(c => c.name).Where(n => n != BackboneModule).ToList();
        if (StateDictMatch.Of(model, _tensors, keep).Pairs.Count == 0)
        {
            throw new InvalidDataException($"{Path}: no backbone tensors: none of its {_tensors.Count} tensor names is one of the " +
                $"{model.Backbone.GetName()} backbone's (expected e.g. '{BackbonePrefix}{model.Backbone.state_dict().Keys.First()}'; " +
                $"the file has {Sample(_tensors.Keys.Order(StringComparer.Ordinal).ToList())})");
        }
        return CheckpointImporter.LoadStateDict(model, _tensors, Path, strict: false, keepInitialised: keep);
    }

    /// <summary>One line for the run's console: what was loaded, and what was left as initialised or ignored.</summary>
    public string Describe(CheckpointImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int backboneKeys = result.LoadedKeys.Count + result.MissingKeys.Count;
        return $"pretrained_backbone: loaded {result.LoadedKeys.Count} of the backbone's {backboneKeys} tensors from {Path}; " +
            "the decode head is freshly initialised" + result.DescribeSkipped();
    }

    public void Dispose()
    {
        foreach (var tensor in _tensors.Values) tensor.Dispose();
    }

    private static string Sample(IReadOnlyList<string> keys) => KeySample.Of(keys, ListedKeys);
}
