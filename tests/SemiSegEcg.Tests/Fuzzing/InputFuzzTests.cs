using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using SemiSegEcg.Cli;
using SemiSegEcg.Cli.Commands;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Pickle;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation;
using SemiSegEcg.Experiments;
using SemiSegEcg.IO;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training.Checkpoints;
using Spectre.Console;
using Spectre.Console.Cli;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Fuzzing;

/// <summary>
/// Mutates valid WFDB headers, signals and annotations, CSV recordings, YAML configs, .npy files and checkpoint zips,
/// feeds them to the public entry points, and sorts every case into accepted, refused with a documented error
/// (one message naming the file), or a bug: any other exception, a multi-line message, a CLI exit code other than 0/1,
/// or a refused CLI call that changed the files a previous good call wrote. Seeds are fixed, so a failure reproduces.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class InputFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int TextCases = 200;
    private const int BinaryCases = 150;
    private const int CheckpointCases = 60;
    private const int CliCases = 30;
    private static readonly Type[] Documented =
        [typeof(InvalidDataException), typeof(WfdbFormatException), typeof(ConfigException), typeof(FileNotFoundException), typeof(PickleSecurityException)];

    private readonly TempDirectory _tmp = new("fuzz");
    private readonly Dictionary<string, Dictionary<string, int>> _outcomes = [];
    private readonly List<string> _bugs = [];

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Should_Accept_Or_Refuse_Every_Mutated_Input_With_A_Documented_One_Line_Error()
    {
        var clock = Stopwatch.StartNew();
        string record = WriteWfdbRecord(_tmp.File("wfdb"));
        string csv = WriteCsv(_tmp.File("csv/good.csv"));
        string npy = _tmp.File("npy/good.npy");
        Directory.CreateDirectory(Path.GetDirectoryName(npy)!);
        NpyFile.Write(npy, Enumerable.Range(0, 5000).Select(i => Math.Sin(i * 0.02)).ToArray(), 5000);
        string label = _tmp.File("npy/label.npy");
        NpyFile.Write(label, Enumerable.Range(0, 5000).Select(i => (byte)(i / 400 % 4)).ToArray(), 5000);
        string config = _tmp.File("config/fixmatch.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, FlatShippedConfig.Text("resnet18", "fixmatch"));

        FuzzText("WFDB header", record + ".hea", path => RecordingReader.Read(path), companion: record + ".dat");
        FuzzBinary("WFDB signal", record + ".dat", 0, path => RecordingReader.Read(Path.ChangeExtension(path, ".hea")), companion: record + ".hea");
        FuzzBinary("WFDB annotations", record + ".atr", 0, path => WfdbAnnotationReader.Read(path));
        FuzzText("CSV recording", csv, path => RecordingReader.Read(path, fsOverride: 500));
        FuzzText("YAML config", config, path => ConfigLoader.Load(path));
        FuzzBinary(".npy signal", npy, 128, path => { SampleFileReader.ReadSignal(path); RecordingReader.Read(path, fsOverride: 500); });
        FuzzBinary(".npy label", label, 128, path => SampleFileReader.ReadLabel(path));
        FuzzCheckpoints();
        FuzzDelineateCli(csv);

        foreach (var (kind, classes) in _outcomes)
            output.WriteLine($"{kind,-18} {classes.Values.Sum(),4} cases: {string.Join(", ", classes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"))}");
        output.WriteLine($"{_outcomes.Values.Sum(c => c.Values.Sum())} cases in {clock.Elapsed.TotalSeconds:0} s, {_bugs.Count} bug(s)");
        Assert.True(_bugs.Count == 0, string.Join("\n", _bugs.Take(25)));
    }

    private void FuzzText(string kind, string original, Action<string> entryPoint, string? companion = null)
    {
        string text = File.ReadAllText(original);
        var mutator = new InputMutator(StableSeed(kind));
        for (int i = 0; i < TextCases; i++)
        {
            string path = Mutant(original, kind, i);
            if (companion is not null) File.Copy(companion, Path.ChangeExtension(path, Path.GetExtension(companion)), overwrite: true);
            File.WriteAllText(path, mutator.Text(text));
            Classify(kind, i, () => entryPoint(path));
        }
    }

    private void FuzzBinary(string kind, string original, int headerLength, Action<string> entryPoint, string? companion = null)
    {
        byte[] bytes = File.ReadAllBytes(original);
        var mutator = new InputMutator(StableSeed(kind));
        for (int i = 0; i < BinaryCases; i++)
        {
            string path = Mutant(original, kind, i);
            if (companion is not null) File.Copy(companion, Path.ChangeExtension(path, Path.GetExtension(companion)), overwrite: true);
            File.WriteAllBytes(path, mutator.BinaryWithHeader(bytes, headerLength));
            Classify(kind, i, () => entryPoint(path));
        }
    }

    private void FuzzCheckpoints()
    {
        random.manual_seed(0);
        var config = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", "scratch.yaml")).Config;
        using var model = ExperimentModels.Create(config);
        using var optimizer = GroupedOptimizer.AdamW(ParameterGroupBuilder.Build(model, 0.05, null), 1e-3);
        string good = _tmp.File("ckpt/good.ckpt");
        var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, "base", 0, new Dictionary<string, double> { ["loss"] = 1, ["MeanIoU"] = 0.5 },
            1, 0.5, ["model"], 1, null, DateTimeOffset.UnixEpoch);
        CheckpointStore.Save(good, meta, FlatShippedConfig.Text("resnet18", "scratch"),
            [("model", model)], [optimizer]);
        string[] entries;
        using (var zip = ZipFile.OpenRead(good)) entries = zip.Entries.Select(e => e.FullName).ToArray();
        var mutator = new InputMutator(4242);
        var pick = new Random(17);
        for (int i = 0; i < CheckpointCases; i++)
        {
            string path = Mutant(good, "checkpoint", i);
            File.Copy(good, path, overwrite: true);
            if (i % 4 == 0)
            {
                File.WriteAllBytes(path, mutator.Binary(File.ReadAllBytes(good)));
            }
            else
            {
                using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
                var entry = zip.GetEntry(entries[pick.Next(entries.Length)])!;
                using var buffer = new MemoryStream();
                using (var stream = entry.Open()) stream.CopyTo(buffer);
                string name = entry.FullName;
                entry.Delete();
                using var replaced = zip.CreateEntry(name).Open();
                replaced.Write(mutator.BinaryWithHeader(buffer.ToArray(), 64));
            }
            Classify("checkpoint zip", i, () =>
            {
                CheckpointStore.VerifyResumable(path);
                CheckpointStore.LoadNetworks(path, [("model", model)]);
                CheckpointStore.LoadTrainingState(path, [optimizer]);
            });
        }
        random.manual_seed(0);
    }

    /// <summary>The CLI end to end: exit codes 0 or 1 only, and a refused input never touches a previous good output.</summary>
    private void FuzzDelineateCli(string goodCsv)
    {
        string model = _tmp.File("ckpt/good.ckpt");
        string outDir = _tmp.File("delineated");
        string input = _tmp.File("cli/good.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.Copy(goodCsv, input);
        string[] args = ["delineate", input, "--fs", "500", "--model", model, "--out", outDir, "--threads", "1"];
        Assert.Equal(0, RunCli(args));
        var before = Snapshot(outDir);
        var mutator = new InputMutator(99);
        string text = File.ReadAllText(goodCsv);
        for (int i = 0; i < CliCases; i++)
        {
            File.WriteAllText(input, mutator.Text(text));
            int exit = RunCli(args);
            string outcome = exit switch { 0 => "exit 0", 1 => "exit 1", _ => $"exit {exit}" };
            Count("CLI delineate", outcome);
            if (exit is not (0 or 1)) _bugs.Add($"CLI delineate case {i}: exit code {exit}");
            if (exit == 1 && !Snapshot(outDir).SequenceEqual(before)) _bugs.Add($"CLI delineate case {i}: a refused input changed {outDir}");
            if (exit == 0)
            {
                File.Copy(goodCsv, input, overwrite: true);
                Assert.Equal(0, RunCli(args));
            }
        }
    }

    /// <summary>A seed that is the same in every process (string.GetHashCode is randomised per process).</summary>
    private static int StableSeed(string kind) => kind.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));

    private static int RunCli(string[] args)
    {
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null), Ansi = AnsiSupport.No });
        try
        {
            var app = new CommandApp();
            app.Configure(CommandRegistry.Configure);
            return UserErrors.Run(() => app.Run(args));
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }

    private static List<string> Snapshot(string directory) => Directory.GetFiles(directory).Order()
        .Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}").ToList();

    private void Classify(string kind, int index, Action action)
    {
        try
        {
            action();
            Count(kind, "accepted");
        }
        catch (Exception e) when (Documented.Any(t => t.IsInstanceOfType(e)))
        {
            Count(kind, $"refused ({e.GetType().Name})");
            if (e.Message.Contains('\n')) _bugs.Add($"{kind} case {index}: multi-line message: {e.Message}");
        }
        catch (Exception e)
        {
            Count(kind, "bug");
            _bugs.Add($"{kind} case {index}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }

    private void Count(string kind, string outcome)
    {
        if (!_outcomes.TryGetValue(kind, out var classes)) _outcomes[kind] = classes = [];
        classes[outcome] = classes.GetValueOrDefault(outcome) + 1;
    }

    private string Mutant(string original, string kind, int index)
    {
        string directory = _tmp.File(Path.Combine("mutants", kind.Replace(' ', '_').Replace('.', '_'), index.ToString("D3")));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, Path.GetFileName(original));
    }

    private static string WriteWfdbRecord(string directory)
    {
        Directory.CreateDirectory(directory);
        var signals = new[] { "I", "II" }.Select((name, lead) => WfdbWriterSignal.FromPhysical(name,
            Enumerable.Range(0, 5000).Select(i => Math.Sin(i * 0.013 * (lead + 1)) * 0.8).ToArray(), gain: 1000)).ToList();
        string header = WfdbWriter.WriteRecord(directory, "rec", 500, signals, ["age: 50"]);
        WfdbWriter.WriteAnnotations(Path.Combine(directory, "rec.atr"),
            Enumerable.Range(0, 10).SelectMany(b => new[] { new WfdbAnnotation(b * 500 + 100, "(", 39), new WfdbAnnotation(b * 500 + 120, "N", 1), new WfdbAnnotation(b * 500 + 140, ")", 40) }));
        return Path.ChangeExtension(header, null);
    }

    private static string WriteCsv(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, ["time,I,II,V1", .. Enumerable.Range(0, 2000).Select(i => $"{i / 500.0:0.000},{Math.Sin(i * 0.02):0.####},{Math.Cos(i * 0.02):0.####},{Math.Sin(i * 0.05):0.####}")]);
        return path;
    }
}
