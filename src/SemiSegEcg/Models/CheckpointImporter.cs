using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SemiSegEcg.Models;

/// <summary>
/// Loads PyTorch weights into our modules, matching by state-dict key: our names are the original's, and the few we
/// used before for the ViT are read under the current ones (<see cref="StateDictMatch"/>). Reads <c>torch.save</c> zip archives through TorchSharp.PyBridge: either a bare state dict or the
/// reference's checkpoint dict (<c>model</c>, <c>optimizer</c>, <c>epoch</c>, <c>scaler</c>, <c>config</c>,
/// <c>metrics</c>, optionally <c>model_ema</c>).
/// </summary>
public static class CheckpointImporter
{
    /// <summary>Checkpoint entry holding the trained network.</summary>
    public const string ModelEntry = "model";

    /// <summary>Checkpoint entry holding the EMA teacher (Mean Teacher, ReCo).</summary>
    public const string TeacherEntry = "model_ema";

    private const int ListedKeys = 5;

    /// <summary>
    /// Copies the tensors of a PyTorch checkpoint at <paramref name="path"/> into <paramref name="model"/>.
    /// </summary>
    /// <param name="entry">
    /// Which state dict to take from a checkpoint dict (<see cref="ModelEntry"/> or <see cref="TeacherEntry"/>);
    /// null takes <c>model</c> when present, else treats the whole file as a bare state dict.
    /// </param>
    /// <param name="strict">As in <see cref="LoadStateDict"/>.</param>
    /// <param name="keepInitialised">As in <see cref="LoadStateDict"/>.</param>
    /// <exception cref="InvalidDataException">The file cannot be read, has no such state dict, or does not match the model.</exception>
    public static CheckpointImportResult LoadPyTorchStateDict(nn.Module model, string path, bool strict = true, string? entry = null,
        IReadOnlyCollection<string>? keepInitialised = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stateDict = ReadPyTorchStateDict(path, entry);
        try
        {
            return LoadStateDict(model, stateDict, path, strict, keepInitialised);
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
    /// same key (or the current name of a legacy one, <see cref="StateDictMatch"/>), under no_grad, converting the
    /// element type where needed (e.g. int64 <c>num_batches_tracked</c>).
    /// </summary>
    /// <param name="sourceName">Names the source in error messages (a path).</param>
    /// <param name="strict">
    /// Fail on missing or unexpected keys. Not strict, unexpected keys are skipped and missing buffers keep their values,
    /// but a top-level module (<c>backbone</c>, <c>decode_head</c>, …) whose parameters the source does not all hold is
    /// still refused: such a load would leave it wholly or partly random without anyone asking for that.
    /// Shape mismatches always fail.
    /// </param>
    /// <param name="keepInitialised">
    /// Top-level modules asked to stay as they are (e.g. <c>decode_head</c> when loading a backbone only): they take
    /// nothing from the source, and their source keys are reported as dropped.
    /// </param>
    public static CheckpointImportResult LoadStateDict(nn.Module model, IReadOnlyDictionary<string, Tensor> source, string sourceName,
        bool strict = true, IReadOnlyCollection<string>? keepInitialised = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        var match = StateDictMatch.Of(model, source, keepInitialised);
        var missing = match.MissingKeys;
        var unexpected = match.UnexpectedKeys;
        int modelKeys = match.Pairs.Count + match.Mismatches.Count + missing.Count + match.KeptKeys.Count;

        if (match.Mismatches.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
        {
            var problems = new List<string>();
            if (missing.Count > 0) problems.Add($"{missing.Count} missing key(s): {Sample(missing)}");
            if (unexpected.Count > 0) problems.Add($"{unexpected.Count} unexpected key(s): {Sample(unexpected)}");
            if (match.Mismatches.Count > 0) problems.Add($"{match.Mismatches.Count} shape mismatch(es): {Sample(match.Mismatches)}");
            throw new InvalidDataException($"{sourceName}: state dict does not match the model ({modelKeys} keys): {string.Join("; ", problems)}");
        }
        if (match.IncompleteModules.Count > 0)
        {
            var gaps = match.IncompleteModules.Select(g =>
                $"'{g.Module}' would keep {g.MissingParameters.Count} of its {g.ParameterCount} parameter tensors as initialised ({Sample(g.MissingParameters)})");
            string notUsed = unexpected.Count > 0 ? $"; {unexpected.Count} of the file's keys are not the model's ({Sample(unexpected)})" : "";
            throw new InvalidDataException($"{sourceName}: refusing a partial load: {string.Join("; ", gaps)}{notUsed}");
        }

        var loaded = new List<string>(match.Pairs.Count);
        using (no_grad())
        {
            foreach (var (key, value, target) in match.Pairs)
            {
                using var reshaped = value.reshape(target.shape);
                target.copy_(reshaped);
                loaded.Add(key);
            }
        }
        return new CheckpointImportResult(loaded, missing, unexpected, match.DroppedKeys, match.RenamedKeys, match.KeptKeys);
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

    private static List<string> KeysOf(IDictionary dictionary) =>
        dictionary.Keys.Cast<object>().Select(k => k?.ToString() ?? "None").Order(StringComparer.Ordinal).ToList();

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

    private static string Sample(IReadOnlyList<string> keys) => KeySample.Of(keys, ListedKeys);
}
