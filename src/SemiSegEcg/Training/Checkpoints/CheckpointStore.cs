using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using SemiSegEcg.IO;
using SemiSegEcg.Models;
using SemiSegEcg.Optimization;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SemiSegEcg.Training.Checkpoints;

/// <summary>
/// A checkpoint is one zip file written atomically: <c>meta.json</c>, <c>config.yaml</c> (the merged config),
/// <c>networks/&lt;key&gt;.pth</c> (each network's state dict in PyTorch's format, so <c>torch.load</c> reads it),
/// <c>optimizers/&lt;i&gt;.bin</c> and <c>rng.bin</c> (torch's generator, for exact resume). <c>meta.json</c> also holds the
/// preprocessing the networks were trained with.
/// </summary>
public static class CheckpointStore
{
    private const string MetaEntry = "meta.json";
    private const string ConfigEntry = "config.yaml";
    private const string RngEntry = "rng.bin";

    /// <param name="weightsOnly">Store the networks only (no optimizer or generator state; see <see cref="CheckpointMetadata.WeightsOnly"/>).</param>
    public static void Save(string path, CheckpointMetadata metadata, string configYaml,
        IReadOnlyList<(string Key, nn.Module Module)> networks, IReadOnlyList<GroupedOptimizer> optimizers, bool weightsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (weightsOnly)
        {
            optimizers = [];
            metadata = metadata with { OptimizerCount = 0, WeightsOnly = true };
        }
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            WriteEntry(zip, MetaEntry, s => JsonSerializer.Serialize(s, metadata, JsonOptions));
            WriteEntry(zip, ConfigEntry, s => { using var w = new StreamWriter(s); w.Write(configYaml); });
            foreach (var (key, module) in networks)
                WriteEntry(zip, $"networks/{key}.pth", s => module.save_py(s, leaveOpen: true));
            for (int i = 0; i < optimizers.Count; i++)
            {
                var optimizer = optimizers[i];
                WriteEntry(zip, $"optimizers/{i}.bin", s => { using var w = new BinaryWriter(s); optimizer.SaveState(w); });
            }
            if (weightsOnly) return;
            WriteEntry(zip, RngEntry, s =>
            {
                using var state = random.get_rng_state();
                s.Write(state.data<byte>().ToArray());
            });
        }, durable: true);
    }

    public static CheckpointMetadata ReadMetadata(string path)
    {
        using var zip = Open(path);
        return ReadMetadata(zip, path);
    }

    public static string ReadConfig(string path)
    {
        using var zip = Open(path);
        using var reader = new StreamReader(Entry(zip, ConfigEntry, path).Open());
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Loads the stored networks into <paramref name="networks"/> (strict: every key and shape must match; files written
    /// under our earlier ViT names load too, <see cref="StateDictMatch"/>).
    /// </summary>
    public static void LoadNetworks(string path, IReadOnlyList<(string Key, nn.Module Module)> networks)
    {
        foreach (var (key, module) in networks)
        {
            var state = ReadNetworkState(path, key);
            try
            {
                CheckpointImporter.LoadStateDict(module, state, $"{path}: entry 'networks/{key}.pth'");
            }
            catch (Exception e) when (e is not InvalidDataException && IsReadFailure(e))
            {
                throw new InvalidDataException($"{path}: entry 'networks/{key}.pth' cannot be loaded into the configured model ({FirstLine(e)})", e);
            }
            finally
            {
                foreach (var tensor in state.Values) tensor.Dispose();
            }
        }
    }

    /// <summary>The state dict stored for network <paramref name="key"/>, as tensors the caller owns (no model needed).</summary>
    public static Dictionary<string, Tensor> ReadNetworkState(string path, string key)
    {
        using var zip = Open(path);
        string name = $"networks/{key}.pth";
        using var stream = Entry(zip, name, path).Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return CheckpointImporter.ReadPyTorchStateDict(buffer, $"{path}: entry '{name}'");
    }

    /// <summary>Restores optimizer states and torch's generator (for <c>--resume</c>).</summary>
    public static void LoadTrainingState(string path, IReadOnlyList<GroupedOptimizer> optimizers)
    {
        using var zip = Open(path);
        var meta = ReadMetadata(zip, path);
        RequireTrainingState(meta, path);
        if (meta.OptimizerCount != optimizers.Count)
            throw new InvalidDataException($"{path}: holds {meta.OptimizerCount} optimizer state(s) but this method trains {optimizers.Count} network(s)");
        for (int i = 0; i < optimizers.Count; i++)
        {
            using var stream = Entry(zip, $"optimizers/{i}.bin", path).Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            using var reader = new BinaryReader(buffer);
            optimizers[i].LoadState(reader, $"{path}: entry 'optimizers/{i}.bin'");
        }
        byte[] rng = ReadGeneratorState(zip, path);
        using var state = tensor(rng, dtype: ScalarType.Byte);
        random.set_rng_state(state);
    }

    /// <summary>
    /// Checks, without changing any model, optimizer or generator, that <paramref name="path"/> is a complete checkpoint
    /// a run can resume from: its metadata, every network and optimizer entry it lists, and a valid generator state.
    /// </summary>
    /// <exception cref="InvalidDataException">Naming the checkpoint and the entry at fault.</exception>
    public static CheckpointMetadata VerifyResumable(string path)
    {
        using var zip = Open(path);
        var meta = ReadMetadata(zip, path);
        RequireTrainingState(meta, path);
        foreach (string key in meta.Networks) Entry(zip, $"networks/{key}.pth", path);
        for (int i = 0; i < meta.OptimizerCount; i++) VerifyOptimizerHeader(zip, $"optimizers/{i}.bin", path);
        ReadGeneratorState(zip, path);
        return meta;
    }

    private static void RequireTrainingState(CheckpointMetadata meta, string path)
    {
        if (meta.WeightsOnly)
            throw new InvalidDataException($"{path}: holds the network weights only (best checkpoints keep no optimizer or generator state unless train.full_best_checkpoints is set); resume from the run's {RunDirectory.Last}.ckpt");
    }

    /// <summary>An optimizer state starts with its optimizer's type name (see <see cref="GroupedOptimizer.IsStateTypeName"/>).</summary>
    private static void VerifyOptimizerHeader(ZipArchive zip, string name, string path)
    {
        using var reader = new BinaryReader(Entry(zip, name, path).Open());
        string? type = null;
        try
        {
            type = reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
        }
        if (!GroupedOptimizer.IsStateTypeName(type))
            throw new InvalidDataException($"{path}: entry '{name}' is not an AdamW or SGD optimizer state");
    }

    private static byte[] ReadGeneratorState(ZipArchive zip, string path)
    {
        using var stream = Entry(zip, RngEntry, path).Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] state = buffer.ToArray();
        TorchGeneratorState.Validate(state, $"{path}: entry '{RngEntry}'");
        return state;
    }

    /// <summary>Whatever TorchSharp, PyBridge or the unpickler throw on bytes that are not what the entry should hold.</summary>
    private static bool IsReadFailure(Exception e) => e is not (OutOfMemoryException or OperationCanceledException);

    private static string FirstLine(Exception e) => e.Message.Split('\n', 2)[0].Trim();

    private static CheckpointMetadata ReadMetadata(ZipArchive zip, string path)
    {
        using var stream = Entry(zip, MetaEntry, path).Open();
        CheckpointMetadata? meta;
        try
        {
            meta = JsonSerializer.Deserialize<CheckpointMetadata>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: entry '{MetaEntry}' is not checkpoint metadata ({e.Message})", e);
        }
        if (meta is null || meta.Algorithm is null || meta.Networks is null || meta.Metrics is null)
            throw new InvalidDataException($"{path}: entry '{MetaEntry}' lacks the algorithm, networks or metrics");
        if (meta.FormatVersion != CheckpointMetadata.CurrentFormat)
            throw new InvalidDataException($"{path}: checkpoint format {meta.FormatVersion} is not supported (expected {CheckpointMetadata.CurrentFormat})");
        meta.Preprocessing?.Validate($"{path}: entry '{MetaEntry}'");
        return meta;
    }

    private static ZipArchive Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: checkpoint not found", path);
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a SemiSegECG checkpoint (not a zip archive: {e.Message}); PyTorch .pth files are read with --model_path", e);
        }
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name, string path) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"{path}: checkpoint has no '{name}' entry");

    private static void WriteEntry(ZipArchive zip, string name, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        write(stream);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };
}
