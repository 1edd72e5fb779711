using System.Globalization;
using SemiSegEcg.Cli;
using SemiSegEcg.Cli.Commands;
using SemiSegEcg.Cli.Commands.Delineation;
using System.Text.Json;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation.Scoring;
using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using Spectre.Console.Cli;

namespace SemiSegEcg.Tests.Cli.Commands.Delineation;

/// <summary><c>semiseg delineate</c> with a model trained here on real LUDB samples, on real WFDB and CSV input.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class DelineateCommandTests : IClassFixture<DelineateCommandTests.TinyModel>
{
    private readonly TinyModel _model;

    public DelineateCommandTests(TinyModel model) => _model = model;

    public sealed class TinyModel : IDisposable
    {
        public TempDirectory Output { get; } = new("delineate-model");
        private string? _run;

        public string Run
        {
            get
            {
                if (_run is null)
                {
                    var loaded = TinyLudb.Config("resnet18/scratch.yaml", Output.Path, "test=null");
                    ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);
                    _run = loaded.Config.RunDirectory;
                }
                return _run;
            }
        }

        public void Dispose() => Output.Dispose();
    }

    private static int Semiseg(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(CommandRegistry.Configure);
        return UserErrors.Run(() => app.Run(args));
    }

    [Fact]
    public void Should_Delineate_A_Real_12_Lead_Wfdb_Record_Into_Csv_Json_Wfdb_And_A_Plot()
    {
        string run = _model.Run;
        using var output = new TempDirectory();

        int exit = Semiseg("delineate", "--model", run, Path.Combine(SharedData.LudbRecords, "1"), "--out", output.Path, "--format", "csv,json,wfdb", "--plot");

        Assert.Equal(0, exit);
        foreach (string file in new[] { "1.waves.csv", "1.beats.csv", "1.summary.csv", "1.json", "1.png", "1.seg_consensus", "1.seg_ii" })
            Assert.True(File.Exists(Path.Combine(output.Path, file)), file);
        Assert.StartsWith("record,lead,wave", File.ReadAllText(Path.Combine(output.Path, "1.waves.csv")));
        var marks = WfdbAnnotationReader.Read(Path.Combine(output.Path, "1.seg_ii"));
        Assert.All(marks, m => Assert.Contains(m.Symbol, new[] { "(", ")", "p", "N", "t" }));
    }

    [Fact]
    public void Should_Delineate_A_Csv_Recording_With_Its_Sampling_Rate()
    {
        string run = _model.Run;
        using var output = new TempDirectory();
        var record = WfdbReader.Read(Path.Combine(SharedData.LudbRecords, "2"));
        string csv = output.File("two_leads.csv");
        var lines = new List<string> { "II,V5" };
        double[] ii = record.Physical(record.SignalIndex("ii")), v5 = record.Physical(record.SignalIndex("v5"));
        for (int i = 0; i < ii.Length; i++) lines.Add(string.Create(CultureInfo.InvariantCulture, $"{ii[i]},{v5[i]}"));
        File.WriteAllLines(csv, lines);

        int withoutRate = Semiseg("delineate", "--model", run, csv, "--out", output.Path);
        int exit = Semiseg("delineate", "--model", run, csv, "--fs", "500", "--out", output.Path, "--leads", "II");

        Assert.Equal(1, withoutRate);
        Assert.Equal(0, exit);
        string waves = File.ReadAllText(Path.Combine(output.Path, "two_leads.waves.csv"));
        Assert.DoesNotContain(",V5,", waves);
    }

    [Fact]
    public void Should_Delineate_With_The_Bundled_Model_And_Say_So_When_No_Model_Is_Given()
    {
        using var output = new TempDirectory();

        var (exit, text) = CliRunner.Run("delineate", Path.Combine(SharedData.LudbRecords, "1"), "--out", output.Path);
        var (withConfig, refusal) = CliRunner.Run("delineate", Path.Combine(SharedData.LudbRecords, "1"), "--config", "configs/base/resnet18/scratch.yaml", "--out", output.File("x"));

        Assert.Equal(0, exit);
        Assert.Contains($"model {TrainedModel.BundledModelName} (resnet18 + ", text, StringComparison.Ordinal);
        Assert.Equal(13, File.ReadAllLines(Path.Combine(output.Path, "1.summary.csv")).Length - 1);
        Assert.Equal(1, withConfig);
        Assert.Contains("--config describes the network of a PyTorch .pth given with --model", refusal, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.File("x")));
    }

    [Fact]
    public void Should_Report_A_Missing_Model_Clearly()
    {
        using var output = new TempDirectory();
        Assert.Equal(1, Semiseg("delineate", "--model", output.File("nothing"), output.File("x.csv"), "--fs", "250"));
    }

    [Fact]
    public void Should_Delineate_Every_Record_A_Database_Folder_Lists_In_One_Call()
    {
        // Given: a copy of two LUDB records with LUDB's own RECORDS lines
        string run = _model.Run;
        using var output = new TempDirectory();
        string database = output.File("ludb");
        Directory.CreateDirectory(database);
        foreach (string file in Directory.EnumerateFiles(SharedData.LudbRecords).Where(f => Path.GetFileName(f).Split('.')[0] is "2" or "3"))
            File.Copy(file, Path.Combine(database, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(database, "RECORDS"), "data/2\ndata/3\n");

        int exit = Semiseg("delineate", "--model", run, database, "--out", output.File("out"));
        int missing = Semiseg("delineate", "--model", run, output.File("no-such-folder"), "--out", output.File("out2"));

        Assert.Equal(0, exit);
        Assert.True(File.Exists(output.File("out/2.waves.csv")));
        Assert.True(File.Exists(output.File("out/3.waves.csv")));
        Assert.Equal(1, missing);
        Assert.False(Directory.Exists(output.File("out2")));
    }

    [Fact]
    public void Should_Score_A_Ludb_Record_Against_Its_Per_Lead_Files_And_Overlay_Them_In_The_Plot()
    {
        string run = _model.Run;
        using var output = new TempDirectory();

        int exit = Semiseg("delineate", "--model", run, Path.Combine(SharedData.LudbRecords, "1"), "--reference", "leads", "--plot", "--out", output.Path);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(output.Path, "1.png")));
        string[] csv = File.ReadAllLines(Path.Combine(output.Path, "1" + DelineateCommand.ReferenceCsvSuffix));
        Assert.Equal(FiducialTableWriter.CsvHeader, csv[0]);
        var settings = csv.Skip(1).Select(line => line.Split(',')[0]).Distinct().ToList();
        Assert.Equal(["lead I", "lead II", "lead III", "lead aVR", "lead aVL", "lead aVF", "lead V1", "lead V2", "lead V3", "lead V4", "lead V5", "lead V6", "all leads", "lead consensus"], settings);
        Assert.Equal(14 * Enum.GetValues<Fiducial>().Length, csv.Length - 1);
        // lead II's QRS onsets: every annotated one is a reference, however well the tiny model found them
        var qrs = csv.Single(line => line.StartsWith("lead II,QrsOnset,", StringComparison.Ordinal)).Split(',');
        var marks = WfdbAnnotationReader.Read(Path.Combine(SharedData.LudbRecords, "1.ii"));
        Assert.Equal(marks.Count(m => AnnotationCodes.IsBeat(m.Code)).ToString(CultureInfo.InvariantCulture), qrs[2]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "1" + DelineateCommand.ReferenceJsonSuffix)));
        Assert.Equal(14, json.RootElement.GetProperty("tables").GetArrayLength());
    }

    [Fact]
    public void Should_Score_A_Qtdb_Record_Against_One_Annotator_For_Both_Leads()
    {
        string run = _model.Run;
        using var output = new TempDirectory();

        int exit = Semiseg("delineate", "--model", run, Path.Combine(SharedData.QtdbRecords, "sel100.hea"), "--reference", "q1c", "--out", output.Path);

        Assert.Equal(0, exit);
        var settings = File.ReadAllLines(Path.Combine(output.Path, "sel100" + DelineateCommand.ReferenceCsvSuffix)).Skip(1).Select(line => line.Split(',')[0]).Distinct();
        Assert.Equal(["lead MLII", "lead V5", "all leads", "lead consensus"], settings);
    }

    [Fact]
    public void Should_Score_Only_The_Selected_Leads_Against_Their_Files()
    {
        string run = _model.Run;
        using var output = new TempDirectory();

        var (exit, text) = CliRunner.Run("delineate", "--model", run, Path.Combine(SharedData.LudbRecords, "2"), "--leads", "II,v1", "--reference", "leads", "--out", output.Path);

        Assert.Equal(0, exit);
        var settings = File.ReadAllLines(Path.Combine(output.Path, "2" + DelineateCommand.ReferenceCsvSuffix)).Skip(1).Select(line => line.Split(',')[0]).Distinct();
        Assert.Equal(["lead II", "lead V1", "all leads", "lead consensus"], settings);
        Assert.Contains("2 vs per-lead files: lead V1", text, StringComparison.Ordinal); // two leads: every lead's table is printed
        Assert.DoesNotContain("not delineated", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_A_Missing_Reference_File_Before_The_Model_Loads_And_Write_Nothing()
    {
        using var output = new TempDirectory();
        string outDir = output.File("out");
        string noModel = output.File("no-model");

        // The model does not exist either: the reference is checked first, so the missing annotation is what fails.
        var (exit, text) = CliRunner.Run("delineate", "--model", noModel, Path.Combine(SharedData.QtdbRecords, "sel100"), "--reference", "atr", "--out", outDir);
        int perLead = Semiseg("delineate", "--model", noModel, Path.Combine(SharedData.QtdbRecords, "sel100"), "--reference", "leads", "--out", outDir);
        int notAName = Semiseg("delineate", "--model", noModel, Path.Combine(SharedData.QtdbRecords, "sel100"), "--reference", "../x.q1c", "--out", outDir);

        Assert.Equal(1, exit);
        Assert.Contains("sel100.atr: reference annotation file is missing", text, StringComparison.Ordinal);
        Assert.DoesNotContain("no-model", text, StringComparison.Ordinal);
        Assert.Equal(1, perLead);
        Assert.NotEqual(0, notAName);
        Assert.False(Directory.Exists(outDir));
    }
}
