using SemiSegEcg.Models.Backbones;
using static TorchSharp.torch;

namespace SemiSegEcg.Models;

/// <summary>
/// How the tensors of a source state dict meet a model's state-dict entries, worked out before anything is copied.
/// Source keys are first normalised: <c>auxiliary_head.*</c> is dropped, a DataParallel <c>module.</c> prefix on every
/// key is stripped, and a name the model does not have but <see cref="VitLegacyKeyNames"/> maps to one it has is read
/// under that name. The model's top-level modules named as kept initialised take nothing from the source.
/// </summary>
public sealed class StateDictMatch
{
    /// <summary>Keys with this prefix are dropped before matching, as the reference's test and inference do.</summary>
    public const string AuxiliaryHeadPrefix = "auxiliary_head";

    private const string DataParallelPrefix = "module.";

    private StateDictMatch(IReadOnlyList<(string Key, Tensor Source, Tensor Target)> pairs, IReadOnlyList<string> mismatches,
        IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> dropped,
        IReadOnlyList<(string Legacy, string Current)> renamed, IReadOnlyList<string> kept, IReadOnlyList<ModuleGap> incompleteModules)
    {
        Pairs = pairs;
        Mismatches = mismatches;
        MissingKeys = missing;
        UnexpectedKeys = unexpected;
        DroppedKeys = dropped;
        RenamedKeys = renamed;
        KeptKeys = kept;
        IncompleteModules = incompleteModules;
    }

    /// <summary>Model entries with a source tensor of the same shape (after a legacy reshape), in the model's order.</summary>
    public IReadOnlyList<(string Key, Tensor Source, Tensor Target)> Pairs { get; }

    /// <summary>Model entries whose source tensor has another shape, as <c>key: source [..] vs model [..]</c>.</summary>
    public IReadOnlyList<string> Mismatches { get; }

    /// <summary>Model keys (outside kept modules) the source does not have.</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>Source keys the model does not have, sorted.</summary>
    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>Source keys skipped on purpose: <c>auxiliary_head.*</c> and those of modules kept initialised, sorted.</summary>
    public IReadOnlyList<string> DroppedKeys { get; }

    /// <summary>Source keys read under another name (<see cref="VitLegacyKeyNames"/>).</summary>
    public IReadOnlyList<(string Legacy, string Current)> RenamedKeys { get; }

    /// <summary>Model keys of the modules kept initialised on request.</summary>
    public IReadOnlyList<string> KeptKeys { get; }

    /// <summary>Top-level modules (outside those kept initialised) some of whose parameters the source does not have.</summary>
    public IReadOnlyList<ModuleGap> IncompleteModules { get; }

    /// <param name="keepInitialised">Names of <paramref name="model"/>'s top-level modules (e.g. <c>decode_head</c>) to leave as they are.</param>
    public static StateDictMatch Of(nn.Module model, IReadOnlyDictionary<string, Tensor> source, IReadOnlyCollection<string>? keepInitialised = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        var keep = new HashSet<string>(keepInitialised ?? [], StringComparer.Ordinal);
        var targets = model.state_dict();

        var dropped = source.Keys.Where(k => k.StartsWith(AuxiliaryHeadPrefix, StringComparison.Ordinal)).ToList();
        var named = source.Where(kv => !kv.Key.StartsWith(AuxiliaryHeadPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        // A state dict saved from a DistributedDataParallel wrapper prefixes every key with "module.".
        if (named.Count > 0 && named.Keys.All(k => k.StartsWith(DataParallelPrefix, StringComparison.Ordinal)))
            named = named.ToDictionary(kv => kv.Key[DataParallelPrefix.Length..], kv => kv.Value, StringComparer.Ordinal);

        var byModelKey = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var legacyShapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var renamed = new List<(string, string)>();
        var unexpected = new List<string>();
        foreach (var (key, tensor) in named)
        {
            string? current = targets.ContainsKey(key) ? key : VitLegacyKeyNames.CurrentName(key);
            if (current is null || !targets.ContainsKey(current) || (current != key && named.ContainsKey(current)))
            {
                unexpected.Add(key);
                continue;
            }
            if (keep.Contains(ModuleOf(current)))
            {
                dropped.Add(key);
                continue;
            }
            byModelKey[current] = tensor;
            if (current == key) continue;
            renamed.Add((key, current));
            legacyShapes[current] = VitLegacyKeyNames.CurrentShape(current, tensor.shape);
        }

        var pairs = new List<(string, Tensor, Tensor)>();
        var mismatches = new List<string>();
        var missing = new List<string>();
        var kept = new List<string>();
        foreach (var (key, target) in targets)
        {
            if (keep.Contains(ModuleOf(key))) kept.Add(key);
            else if (!byModelKey.TryGetValue(key, out var tensor)) missing.Add(key);
            else if (SameShape(legacyShapes.GetValueOrDefault(key, tensor.shape), target.shape)) pairs.Add((key, tensor, target));
            else mismatches.Add($"{key}: source [{string.Join(", ", tensor.shape)}] vs model [{string.Join(", ", target.shape)}]");
        }

        var missingSet = missing.ToHashSet(StringComparer.Ordinal);
        var gaps = model.named_parameters()
            .Select(p => p.name)
            .Where(name => !keep.Contains(ModuleOf(name)))
            .GroupBy(ModuleOf, StringComparer.Ordinal)
            .Select(g => new ModuleGap(g.Key, g.Count(), g.Where(missingSet.Contains).ToList()))
            .Where(g => g.MissingParameters.Count > 0)
            .ToList();

        return new StateDictMatch(pairs, mismatches, missing, Sorted(unexpected), Sorted(dropped), renamed, kept, gaps);
    }

    /// <summary>The top-level module a state-dict key belongs to: its first dotted segment (the key itself for a direct parameter).</summary>
    public static string ModuleOf(string key)
    {
        int dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? key : key[..dot];
    }

    private static List<string> Sorted(List<string> keys) => keys.Order(StringComparer.Ordinal).ToList();

    private static bool SameShape(long[] a, long[] b) =>
        a.SequenceEqual(b) || (IsScalarLike(a) && IsScalarLike(b));

    // PyTorch saves BatchNorm's num_batches_tracked as a 0-d tensor; some readers give it shape [1].
    private static bool IsScalarLike(long[] shape) => shape.Length == 0 || (shape.Length == 1 && shape[0] == 1);
}
