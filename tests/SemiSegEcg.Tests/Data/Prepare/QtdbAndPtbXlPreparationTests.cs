using SemiSegEcg.Data;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Prepare;

[Trait(Category.Trait, Category.Unit)]
public sealed class QtdbAndPtbXlPreparationTests
{
    [SkippableFact]
    public void Should_Cut_Qtdb_Annotated_Stretches_Into_Whole_10s_Windows_With_One_Mask_For_Both_Leads()
    {
        using var output = new TempDirectory();
        var summary = DatabasePreparation.Run(new QtdbPreparer(SharedData.WholeQtdb, new MaskOptions()), output.Path, seed: 0);
        var layout = new PreparedLayout(output.Path, "QTDB");
        var all = new[] { layout.UnlabeledIndex, layout.ValidIndex, layout.TestIndex }.SelectMany(p => IndexCsv.Read(p, requireLabels: true)).ToList();

        Assert.Equal(454, all.Count);
        Assert.Equal(101, all.Select(e => e.SubjectId).Distinct().Count());
        var first = all.First(e => e.Waveform.StartsWith("sel100_lead_MLII_w00", StringComparison.Ordinal));
        var second = all.First(e => e.Waveform.StartsWith("sel100_lead_V5_w00", StringComparison.Ordinal));
        var labelA = NpyFile.Read(Path.Combine(layout.LabelDir, first.Label!)).AsInt64();
        var labelB = NpyFile.Read(Path.Combine(layout.LabelDir, second.Label!)).AsInt64();
        Assert.Equal(2500, labelA.Length);
        Assert.Equal(labelA, labelB);
        // sel100.q1c starts with "(" at 150272 then "p": the window starts on that P onset.
        Assert.Equal(WaveLabels.P, labelA[0]);
        Assert.All(new[] { 1L, 2, 3 }, c => Assert.Contains(c, labelA));
        Assert.Contains(summary.Dropped, d => d.Reason.Contains("shorter than 10 s", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Should_Turn_Qtdb_Gaps_Into_Ignored_Samples_When_Unannotated_Is_Ignore()
    {
        using var output = new TempDirectory();
        var summary = DatabasePreparation.Run(new QtdbPreparer(SharedData.WholeQtdb, new MaskOptions(Unannotated: UnannotatedPolicy.Ignore)), output.Path, seed: 0);

        Assert.Equal(1400, summary.Splits.Where(s => s.Split is "train" or "valid" or "test").Sum(s => s.Samples));
        Assert.True(summary.Splits.First(s => s.Split == "train").IgnoredSamples > 0);
    }

    [SkippableFact]
    public void Should_Give_12_Unlabeled_Samples_Per_PtbXl_Record_With_Patient_Ids()
    {
        using var output = new TempDirectory();
        var summary = DatabasePreparation.Run(new PtbXlPreparer(SharedData.WholePtbXl), output.Path, seed: 0);
        var index = IndexCsv.Read(new PreparedLayout(output.Path, "PTBXL").UnlabeledIndex);

        Assert.Equal(6000, index.Count);
        Assert.All(index, e => Assert.Null(e.Label));
        Assert.Equal("15709", index[0].SubjectId);
        Assert.Equal("00001_lead_I.npy", index[0].Waveform);
        Assert.Equal(466, summary.Splits.Single().Subjects);
        Assert.False(Directory.Exists(Path.Combine(output.Path, "label")));
    }

    [Fact]
    public void Should_Name_The_Folder_When_Raw_Data_Is_Missing()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => new LudbPreparer("/no/such/ludb", new MaskOptions()));
        Assert.Contains("/no/such/ludb", error.Message);
    }

    [Fact]
    public void Should_Name_The_Table_When_PtbXl_Metadata_Is_Missing()
    {
        using var empty = new TempDirectory();
        var error = Assert.Throws<FileNotFoundException>(() => new PtbXlPreparer(empty.Path));
        Assert.Contains("ptbxl_database.csv", error.Message);
    }
}
