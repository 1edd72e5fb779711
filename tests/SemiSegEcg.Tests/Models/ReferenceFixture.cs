using System.Collections;
using System.Text.Json;
using SemiSegEcg.IO;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models;

/// <summary>Reads the ResNet-18 + FCN parity fixtures (tests/Fixtures/reference; docs/reference/fixtures.md#model-parity) as tensors.</summary>
internal static class ReferenceFixture
{
    /// <summary>The initial (seed 0) state as the original saved it with <c>torch.save</c>: the only copy of its tensors.</summary>
    public const string StateDictFile = "resnet18_fcn_state_dict.pt";

    /// <summary>Holds only <c>keys.json</c> (key → shape in state-dict order) of the initial state.</summary>
    public const string StateDirectory = "resnet18_fcn_state";

    /// <summary><c>keys.json</c> and the BN buffers after the training step, one <c>.npy</c> per key.</summary>
    public const string AfterStepStateDirectory = "resnet18_fcn_after_step_state";

    /// <summary>The bundled fixture folder.</summary>
    public static string Directory => SharedData.ReferenceFixtures;

    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The benchmark's ResNet-18 + FCN (scratch.yaml), freshly initialised.</summary>
    public static EncoderDecoder CreateResNet18Fcn(bool useLatentProjection = false) =>
        ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions(),
            NumClasses: 4, UseLatentProjection: useLatentProjection, ProjectionInDim: 512, ProjectionOutDim: 128));

    public static Tensor LoadTensor(string path)
    {
        var array = NpyFile.Read(path);
        return array.Data switch
        {
            float[] f => tensor(f, array.Shape),
            long[] l when array.Shape.Length == 0 => tensor(l[0]),
            long[] l => tensor(l, array.Shape),
            _ => throw new InvalidDataException($"{path}: unexpected element type {array.Data.GetType().GetElementType()!.Name}"),
        };
    }

    public static Tensor Load(string name) => LoadTensor(PathOf(name));

    /// <summary>Key → shape, in state-dict order, from <c>keys.json</c> of a state folder of the fixtures.</summary>
    public static IReadOnlyList<(string Key, long[] Shape)> ReadKeys(string stateDirectory) => ReadKeysIn(Path.Combine(Directory, stateDirectory));

    /// <summary>Key → shape, in state-dict order, from <c>keys.json</c> in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<(string Key, long[] Shape)> ReadKeysIn(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "keys.json")));
        return document.RootElement.EnumerateObject()
            .Select(p => (p.Name, p.Value.EnumerateArray().Select(v => v.GetInt64()).ToArray()))
            .ToList();
    }

    /// <summary>Every tensor of a per-key state folder of the fixtures (keys without an .npy file are skipped).</summary>
    public static Dictionary<string, Tensor> LoadStateDirectory(string stateDirectory) => LoadStateFolder(Path.Combine(Directory, stateDirectory));

    /// <summary>Every tensor of a per-key state folder: <c>keys.json</c> plus <c>&lt;key&gt;.npy</c> files (missing ones skipped).</summary>
    public static Dictionary<string, Tensor> LoadStateFolder(string folder)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, _) in ReadKeysIn(folder))
        {
            string file = Path.Combine(folder, key + ".npy");
            if (File.Exists(file)) result[key] = LoadTensor(file);
        }
        return result;
    }

    /// <summary>
    /// The initial state, key → tensor, read from <see cref="StateDictFile"/> by TorchSharp.PyBridge's unpickler itself
    /// (not through <see cref="CheckpointImporter"/>, which the importer tests check against it).
    /// </summary>
    public static Dictionary<string, Tensor> LoadInitialState()
    {
        using var stream = File.OpenRead(PathOf(StateDictFile));
        return PyTorchUnpickler.UnpickleStateDict(stream).Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (Tensor)e.Value!, StringComparer.Ordinal);
    }

    /// <summary>The reference model at its initial (seed 0) state, loaded from <see cref="StateDictFile"/>.</summary>
    public static EncoderDecoder LoadInitialModel()
    {
        var model = CreateResNet18Fcn();
        using var scope = NewDisposeScope();
        CheckpointImporter.LoadStateDict(model, LoadInitialState(), StateDictFile);
        return model;
    }

    public static float MaxAbsDifference(Tensor a, Tensor b) => (a - b).abs().max().item<float>();
}
