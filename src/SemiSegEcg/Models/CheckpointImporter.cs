using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SemiSegEcg.Models;

/// <summary>
/// Loads reference PyTorch weights into our modules, matching by state-dict key (the key names are identical by
/// construction). Reads <c>torch.save</c> zip archives through TorchSharp.PyBridge: either a bare state dict or the
/// reference's checkpoint dict (<c>model</c>, <c>optimizer</c>, <c>epoch</c>, <c>scaler</c>, <c>config</c>,
/// <c>metrics</c>, optionally <c>model_ema</c>).
/// </summary>
public static class CheckpointImporter
{
    /// <summary>Checkpoint entry holding the trained network.</summary>
    public const string ModelEntry = "model";

    /// <summary>Checkpoint entry holding the EMA teacher (Mean Teacher, ReCo).</summary>
    public const string TeacherEntry = "model_ema";

    /// <summary>Keys with this prefix are dropped before matching, as the reference's test and inference do.</summary>
    public const string AuxiliaryHeadPrefix = "auxiliary_head";

    private const string DataParallelPrefix = "module.";
    private const int ListedKeys = 5;

    /// <summary>
    /// Copies the tensors of a PyTorch checkpoint at <paramref name="path"/> into <paramref name="model"/>.
    /// </summary>
    /// <param name="entry">
    /// Which state dict to take from a checkpoint dict (<see cref="ModelEntry"/> or <see cref="TeacherEntry"/>);
    /// null takes <c>model</c> when present, else treats the whole file as a bare state dict.
    /// </param>
    /// <param name="strict">Fail on missing or unexpected keys. Shape mismatches always fail.</param>
    /// <exception cref="InvalidDataException">The file cannot be read, has no such state dict, or does not match the model.</exception>
    public static CheckpointImportResult LoadPyTorchStateDict(nn.Module model, string path, bool strict = true, string? entry = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stateDict = ReadPyTorchStateDict(path, entry);
        try
        {
            return LoadStateDict(model, stateDict, path, strict);
        }
        finally
        {
            foreach (var tensor in stateDict.Values) tensor.Dispose();
        }
    }

    /// <summary>
    /// Reads the state dict of the PyTorch checkpoint at <paramref name="path"/> (a bare state dict, or the checkpoint
    /// dict's <paramref name="entry"/>, chosen as in <see cref="LoadPyTorchStateDict"/>). The caller owns the tensors.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be read or holds no such state dict.</exception>
    public static Dictionary<string, Tensor> ReadPyTorchStateDict(string path, string? entry = null)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read as a PyTorch checkpoint (torch.save zip archive): {e.Message}", e);
        }
        using (stream) return ReadPyTorchStateDict(stream, path, entry);
    }

    /// <summary>Like <see cref="ReadPyTorchStateDict(string, string?)"/>, from a stream.</summary>
    /// <param name="sourceName">Names the source in error messages (a path, or a path and an archive entry).</param>
    public static Dictionary<string, Tensor> ReadPyTorchStateDict(Stream stream, string sourceName, string? entry = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Hashtable root;
        try
        {
            root = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{sourceName}: cannot read as a PyTorch checkpoint (torch.save zip archive): {e.Message}", e);
        }
        var kept = new HashSet<object>(ReferenceEqualityComparer.Instance);
        try
        {
            var stateDict = SelectStateDict(root, sourceName, entry);
            kept.UnionWith(stateDict.Values);
            return stateDict;
        }
        finally
        {
            DisposeTensors(root, kept);
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> tensors into the parameters and buffers of <paramref name="model"/> with the
    /// same key, under no_grad, converting the element type where needed (e.g. int64 <c>num_batches_tracked</c>).
    /// </summary>
    /// <param name="sourceName">Names the source in error messages (a path).</param>
    public static CheckpointImportResult LoadStateDict(nn.Module model, IReadOnlyDictionary<string, Tensor> source, string sourceName, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);

        var dropped = source.Keys.Where(k => k.StartsWith(AuxiliaryHeadPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var kept = source.Where(kv => !kv.Key.StartsWith(AuxiliaryHeadPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        // A state dict saved from a DistributedDataParallel wrapper prefixes every key with "module.".
        if (kept.Count > 0 && kept.Keys.All(k => k.StartsWith(DataParallelPrefix, StringComparison.Ordinal)))
        {
            kept = kept.ToDictionary(kv => kv.Key[DataParallelPrefix.Length..], kv => kv.Value, StringComparer.Ordinal);
        }

        var targets = model.state_dict();
        var missing = targets.Keys.Where(k => !kept.ContainsKey(k)).ToList();
        var unexpected = kept.Keys.Where(k => !targets.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var mismatched = targets
            .Where(t => kept.TryGetValue(t.Key, out var s) && !SameShape(s.shape, t.Value.shape))
            .Select(t => $"{t.Key}: source [{string.Join(", ", kept[t.Key].shape)}] vs model [{string.Join(", ", t.Value.shape)}]")
            .ToList();

        if (mismatched.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
        {
            var problems = new List<string>();
            if (missing.Count > 0) problems.Add($"{missing.Count} missing key(s): {Sample(missing)}");
            if (unexpected.Count > 0) problems.Add($"{unexpected.Count} unexpected key(s): {Sample(unexpected)}");
            if (mismatched.Count > 0) problems.Add($"{mismatched.Count} shape mismatch(es): {Sample(mismatched)}");
            throw new InvalidDataException($"{sourceName}: state dict does not match the model ({targets.Count} keys): {string.Join("; ", problems)}");
        }

        var loaded = new List<string>(targets.Count);
        using (no_grad())
        {
            foreach (var (key, target) in targets)
            {
                if (!kept.TryGetValue(key, out var value)) continue;
                using var reshaped = value.reshape(target.shape);
                target.copy_(reshaped);
                loaded.Add(key);
            }
        }
        return new CheckpointImportResult(loaded, missing, unexpected, dropped);
    }

    private static Dictionary<string, Tensor> SelectStateDict(Hashtable root, string path, string? entry)
    {
        string? chosen = entry ?? (root[ModelEntry] is IDictionary ? ModelEntry : null);
        if (chosen is null)
        {
            return AsStateDict(root, path, "top level")
                ?? throw new InvalidDataException(
                    $"{path}: neither a state dict (name → tensor) nor a checkpoint with a '{ModelEntry}' entry; top-level keys: {Sample(KeysOf(root))}");
        }
        if (!root.ContainsKey(chosen))
            throw new InvalidDataException($"{path}: checkpoint has no '{chosen}' entry; top-level keys: {Sample(KeysOf(root))}");
        if (root[chosen] is not IDictionary nested)
            throw new InvalidDataException($"{path}: checkpoint entry '{chosen}' is {root[chosen]?.GetType().Name ?? "None"}, not a state dict");
        return AsStateDict(nested, path, $"entry '{chosen}'")
            ?? throw new InvalidDataException($"{path}: checkpoint entry '{chosen}' is not a state dict (name → tensor)");
    }

    private static Dictionary<string, Tensor>? AsStateDict(IDictionary dictionary, string path, string where)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry item in dictionary)
        {
            if (item.Key is not string key || item.Value is not Tensor tensor) return null;
            result[key] = tensor;
        }
        if (result.Count == 0) throw new InvalidDataException($"{path}: {where} is an empty dictionary");
        return result;
    }

    private static bool SameShape(long[] a, long[] b) =>
        a.SequenceEqual(b) || (IsScalarLike(a) && IsScalarLike(b));

    // PyTorch saves BatchNorm's num_batches_tracked as a 0-d tensor; some readers give it shape [1].
    private static bool IsScalarLike(long[] shape) => shape.Length == 0 || (shape.Length == 1 && shape[0] == 1);

    private static List<string> KeysOf(IDictionary dictionary) =>
        dictionary.Keys.Cast<object>().Select(k => k?.ToString() ?? "None").Order(StringComparer.Ordinal).ToList();

    private static string Sample(IReadOnlyList<string> items) =>
        string.Join(", ", items.Take(ListedKeys)) + (items.Count > ListedKeys ? $", … ({items.Count - ListedKeys} more)" : "");

    /// <summary>Disposes every tensor in <paramref name="value"/> but those in <paramref name="keep"/> (handed to the caller).</summary>
    private static void DisposeTensors(object? value, HashSet<object> keep)
    {
        switch (value)
        {
            case Tensor tensor:
                if (!keep.Contains(tensor)) tensor.Dispose();
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry item in dictionary) DisposeTensors(item.Value, keep);
                break;
            case IEnumerable sequence and not string:
                foreach (var item in sequence) DisposeTensors(item, keep);
                break;
        }
    }
}
