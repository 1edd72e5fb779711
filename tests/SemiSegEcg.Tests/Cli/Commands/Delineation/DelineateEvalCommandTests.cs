using System.Text.Json;
using SemiSegEcg.Cli.Commands.Delineation;
using SemiSegEcg.Delineation.Scoring;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Cli.Commands.Delineation;

/// <summary><c>semiseg delineate-eval</c> with a model trained here, on the bundled LUDB and QTDB records, and on bad input.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class DelineateEvalCommandTests : IClassFixture<DelineateCommandTests.TinyModel>
{
    private readonly DelineateCommandTests.TinyModel _model;

    public DelineateEvalCommandTests(DelineateCommandTests.TinyModel model) => _model = model;

    [Fact]
    public void Should_Score_Ludb_Test_And_Qtdb_Records_Into_One_Csv_And_Json_Table_Per_Setting()
    {
        string run = _model.Run;
        using var output = new TempDirectory();

        var (exit, text) = CliRunner.Run("delineate-eval", "--model", run, "--ludb", SharedData.LudbRecords, "--qtdb", SharedData.QtdbRecords,
            "--limit", "2", "--out", output.Path);

        Assert.True(exit == 0, text);
        Assert.Contains("sign: error = predicted − reference", text);
        var csv = File.ReadAllLines(Path.Combine(output.Path, DelineateEvalCommand.CsvName));
        Assert.Equal(FiducialTableWriter.CsvHeader, csv[0]);
        Assert.Equal(7 * Enum.GetValues<Fiducial>().Length, csv.Length - 1); // LUDB: single lead, leads without P, consensus; QTDB: 4
        Assert.Contains(csv, line => line.StartsWith("QTDB q1c, best lead", StringComparison.Ordinal) || line.StartsWith("\"QTDB q1c, best lead\"", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, DelineateEvalCommand.JsonName)));
        Assert.Equal(7, json.RootElement.GetProperty("tables").GetArrayLength());
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("sel30", StringComparison.Ordinal));
        var ludbQrs = json.RootElement.GetProperty("tables")[0].GetProperty("fiducials").EnumerateArray()
            .Single(f => f.GetProperty("fiducial").GetString() == nameof(Fiducial.QrsOnset));
        Assert.True(ludbQrs.GetProperty("references").GetInt64() > 0);
    }

    [Fact]
    public void Should_Stop_With_One_Line_Naming_A_Missing_Database_Folder_Before_Writing_Anything()
    {
        using var output = new TempDirectory();
        string missing = Path.Combine(output.Path, "no-such-ludb");
        string outDir = Path.Combine(output.Path, "scores");

        var (exit, text) = CliRunner.Run("delineate-eval", "--model", "any.ckpt", "--ludb", missing, "--out", outDir);

        Assert.Equal(1, exit);
        Assert.Contains(missing, text);
        Assert.DoesNotContain(" at ", text);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData(new[] { "--model", "m.ckpt" }, "give --ludb <DIR> and/or --qtdb <DIR>")]
    [InlineData(new[] { "--config", "c.yaml", "--qtdb", "q" }, "--config describes the network of a PyTorch .pth given with --model; without --model the bundled model is used")]
    [InlineData(new[] { "--model", "m.ckpt", "--qtdb", "q", "--test-index", "t.csv" }, "--test-index selects LUDB test subjects; give --ludb too")]
    [InlineData(new[] { "--model", "m.ckpt", "--qtdb", "q", "--tolerance-ms", "0" }, "--tolerance-ms must be a positive number of ms")]
    [InlineData(new[] { "--model", "m.ckpt", "--qtdb", "q", "--offset-rule", "half" }, "unknown --offset-rule half; use exclusive or inclusive")]
    [InlineData(new[] { "--model", "m.ckpt", "--qtdb", "q", "--limit", "0" }, "--limit must be at least 1")]
    public void Should_Refuse_Options_It_Cannot_Honour_By_Name(string[] options, string expected)
    {
        var (exit, text) = CliRunner.Run(["delineate-eval", .. options]);

        Assert.Equal(1, exit);
        Assert.Contains(expected, text);
    }

    [Fact]
    public void Should_Stop_With_One_Line_Naming_A_Missing_Test_Index()
    {
        using var output = new TempDirectory();
        string index = Path.Combine(output.Path, "LUDB_test.csv");

        var (exit, text) = CliRunner.Run("delineate-eval", "--model", "m.ckpt", "--ludb", SharedData.LudbRecords, "--test-index", index, "--out", output.File("scores"));

        Assert.Equal(1, exit);
        Assert.Contains(index, text);
        Assert.False(Directory.Exists(output.File("scores")));
    }
}
