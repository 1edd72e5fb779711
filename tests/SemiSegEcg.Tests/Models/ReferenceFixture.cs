using System.Text.Json;
using SemiSegEcg.IO;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models;

/// <summary>Reads the ResNet-18 + FCN parity fixtures (../shared/fixtures/reference; docs/reference/fixtures.md#model-parity) as tensors.</summary>
internal static class ReferenceFixture
{
    public const string StateDictFile = "resnet18_fcn_state_dict.pt";
    public const string StateDirectory = "resnet18_fcn_state";
    public const string AfterStepStateDirectory = "resnet18_fcn_after_step_state";

    /// <summary>The fixture folder; skips the test (fails under CI) when it is missing.</summary>
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

    /// <summary>Key → shape, in state-dict order, from <c>keys.json</c> of a state folder.</summary>
    public static IReadOnlyList<(string Key, long[] Shape)> ReadKeys(string stateDirectory)
    {
        string path = Path.Combine(Directory, stateDirectory, "keys.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateObject()
            .Select(p => (p.Name, p.Value.EnumerateArray().Select(v => v.GetInt64()).ToArray()))
            .ToList();
    }

    /// <summary>Every tensor of a per-key state folder (keys without an .npy file are skipped).</summary>
    public static Dictionary<string, Tensor> LoadStateDirectory(string stateDirectory)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, _) in ReadKeys(stateDirectory))
        {
            string file = Path.Combine(Directory, stateDirectory, key + ".npy");
            if (File.Exists(file)) result[key] = LoadTensor(file);
        }
        return result;
    }

    /// <summary>The reference model at its initial (seed 0) state, loaded from the per-key npy files.</summary>
    public static EncoderDecoder LoadInitialModel()
    {
        var model = CreateResNet18Fcn();
        using var scope = NewDisposeScope();
        CheckpointImporter.LoadStateDict(model, LoadStateDirectory(StateDirectory), StateDirectory);
        return model;
    }

    public static float MaxAbsDifference(Tensor a, Tensor b) => (a - b).abs().max().item<float>();
}
