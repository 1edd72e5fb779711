using SemiSegEcg.Cli.Commands;
using SemiSegEcg.Cli.Commands.Data;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Tests.Data.Generators;
using SemiSegEcg.Tests.Infrastructure;
using Spectre.Console.Cli;

namespace SemiSegEcg.Tests.Cli.Commands.Data;

/// <summary>The <c>semiseg data</c> commands as the CLI registers them, run on generated ISP and Zhejiang files.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class DataCommandsTests : IDisposable
{
    private readonly TempDirectory _tmp = new("data-cli");

    public void Dispose() => _tmp.Dispose();

    private static int Run(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(CommandRegistry.Configure);
        return app.Run(args);
    }

    [Fact]
    public void Should_Prepare_Isp_From_The_Zip_Zhejiang_From_Its_Folders_And_Merge_Them()
    {
        // Given: a zipped ISP download and a Zhejiang download
        var isp = IspFixtureWriter.Write(_tmp.File("downloads/isp"), new IspFixtureOptions { TrainRecords = 4, TestRecords = 2, Zip = true });
        var zhejiang = ZhejiangFixtureWriter.Write(_tmp.File("downloads/zhejiang"), new ZhejiangFixtureOptions { DurationsSeconds = [8.5, 12.0, 6.0, 9.0, 4.2] });
        string data = _tmp.File("data");

        // When
        int prepareIsp = Run("data", "prepare", "isp", "--raw", isp.Raw, "--out", Path.Combine(data, "isp"), "--seed", "1");
        int prepareZhejiang = Run("data", "prepare", "zhejiang", "--signals", zhejiang.SignalsDir, "--labels", zhejiang.LabelsDir,
            "--out", Path.Combine(data, "zhejiang"), "--unannotated", "ignore");
        int merge = Run("data", "merge", "--out", Path.Combine(data, "merged"), "--ratio", "2", Path.Combine(data, "isp"), Path.Combine(data, "zhejiang"));

        // Then
        Assert.Equal((0, 0, 0), (prepareIsp, prepareZhejiang, merge));
        Assert.Equal(72, IndexCsv.Read(new PreparedLayout(Path.Combine(data, "isp"), "ISP").UnlabeledIndex).Count
            + IndexCsv.Read(new PreparedLayout(Path.Combine(data, "isp"), "ISP").ValidIndex).Count
            + IndexCsv.Read(new PreparedLayout(Path.Combine(data, "isp"), "ISP").TestIndex).Count);
        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(data, "isp")), d => Path.GetFileName(d).StartsWith(".isp-extract", StringComparison.Ordinal));
        string output = Path.Combine(data, "merged");
        var labeled = IndexCsv.Read(DatasetMerger.TrainLabeledIndex(output), requireLabels: true);
        Assert.Contains(labeled, e => e.SubjectId.StartsWith("ISP:", StringComparison.Ordinal) && e.Waveform.StartsWith("isp/ecg/", StringComparison.Ordinal));
        Assert.Contains(labeled, e => e.SubjectId.StartsWith("Zhejiang:", StringComparison.Ordinal) && e.Label!.StartsWith("zhejiang/label/", StringComparison.Ordinal));
        Assert.All(IndexCsv.Read(DatasetMerger.TestIndex(output)), e => Assert.True(File.Exists(Path.Combine(data, e.Waveform))));
        Assert.Equal(File.ReadAllText(DatasetMerger.LabeledIndex(output, 2)), File.ReadAllText(DatasetMerger.TrainLabeledIndex(output)));
    }

    [Theory]
    [InlineData("data prepare zhejiang --raw x --out y", "zhejiang needs --signals")]
    [InlineData("data prepare zhejiang --signals s --labels l --raw x --out y", "not --raw")]
    [InlineData("data prepare isp --signals s --raw x --out y", "for zhejiang only")]
    [InlineData("data prepare rdb --raw x --out y", "unknown database 'rdb'")]
    [InlineData("data merge --out y", "missing required argument")]
    [InlineData("data merge a --out y --ratio 0", "--ratio must be at least 1")]
    public void Should_Reject_Option_Combinations_That_Do_Not_Fit_The_Database(string args, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() => Run(args.Split(' ')));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Database_By_Name_Listing_The_Catalogs_Keys_Without_Creating_The_Output()
    {
        string output = _tmp.File("out");

        var error = Assert.ThrowsAny<Exception>(() => Run("data", "prepare", "mitdb", "--raw", _tmp.Path, "--out", output));

        Assert.Contains($"unknown database 'mitdb'; expected {string.Join(", ", DatabaseCatalog.Keys.SkipLast(1))} or {DatabaseCatalog.Keys[^1]}", error.Message);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Should_Prepare_The_Database_An_Alias_Names()
    {
        // A PTB-XL folder without its table: only the PTB-XL preparer asks for ptbxl_database.csv.
        var error = Assert.Throws<FileNotFoundException>(() => Run("data", "prepare", "PTB-XL", "--raw", _tmp.Path, "--out", _tmp.File("out")));

        Assert.StartsWith("PTB-XL: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("ptbxl_database.csv", error.Message);
    }

    [Fact]
    public void Should_Stop_With_The_Csv_Line_When_An_Isp_Target_Is_Malformed()
    {
        var isp = IspFixtureWriter.Write(_tmp.File("downloads/isp"), new IspFixtureOptions { TrainRecords = 2, TestRecords = 1, MalformedTarget = "[(0, 1, 2" });

        var error = Assert.Throws<InvalidDataException>(() => Run("data", "prepare", "isp", "--raw", isp.Raw, "--out", _tmp.File("out")));

        Assert.Contains("train_isp_delineation_data.csv line 3: field 'target'", error.Message);
    }
}
