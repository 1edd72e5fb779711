using SemiSegEcg.Data;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Data.Generators;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Prepare;

/// <summary>ISP preparation on generated files in the distributed layout (the real data is not on this machine).</summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class IspPreparerTests : IDisposable
{
    private readonly TempDirectory _tmp = new("isp-prep");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Should_Give_12_Samples_Per_Record_Keep_The_Csv_Test_Split_And_Split_The_Rest_3_To_1_By_Record()
    {
        // Given: 8 train and 3 test records
        var fixture = IspFixtureWriter.Write(_tmp.File("raw"));

        // When
        var summary = DatabasePreparation.Run(new IspPreparer(fixture.Raw, new MaskOptions()), _tmp.File("out"), seed: 0);

        // Then
        var layout = new PreparedLayout(_tmp.File("out"), "ISP");
        var train = IndexCsv.Read(layout.UnlabeledIndex, requireLabels: true);
        var valid = IndexCsv.Read(layout.ValidIndex, requireLabels: true);
        var test = IndexCsv.Read(layout.TestIndex, requireLabels: true);
        Assert.Equal(11 * 12, train.Count + valid.Count + test.Count);
        Assert.All(train.Concat(valid).Concat(test).GroupBy(e => e.SubjectId), g => Assert.Equal(12, g.Count()));
        Assert.Equal(["2001", "2002", "2003"], test.Select(e => e.SubjectId).Distinct().Order());
        Assert.Equal((6, 2), (train.Select(e => e.SubjectId).Distinct().Count(), valid.Select(e => e.SubjectId).Distinct().Count()));
        Assert.Empty(train.Select(e => e.SubjectId).Intersect(valid.Select(e => e.SubjectId)));
        Assert.All(train.Concat(valid), e => Assert.StartsWith("100", e.SubjectId));
        Assert.Contains(train, e => e.Waveform == $"{train[0].SubjectId}_lead_AVR.npy");
        Assert.All(train, e => Assert.Equal(1000, e.SampleRateHz));
        Assert.Equal(3, IndexCsv.Read(layout.LabeledIndex(2)).Select(e => e.SubjectId).Distinct().Count());
        Assert.Empty(summary.Dropped);
    }

    [Fact]
    public void Should_Store_Exactly_10_Seconds_In_Millivolts_With_The_Csv_Spans_Clipped_To_The_Record()
    {
        // Given: records of 9,998 to 10,002 samples; the first one's last span runs past its end
        var fixture = IspFixtureWriter.Write(_tmp.File("raw"));
        var first = fixture.Records[0];
        Assert.True(first.Spans[^1].Offset >= first.LengthSamples);

        // When
        DatabasePreparation.Run(new IspPreparer(fixture.Raw, new MaskOptions()), _tmp.File("out"), seed: 0);

        // Then: every lead of every record
        foreach (var record in fixture.Records)
        {
            var expected = FixtureSpan.ExpectedMask(record.Spans, record.LengthSamples, 0, 10_000, OffsetRule.Exclusive);
            for (int lead = 0; lead < 12; lead++)
            {
                string name = $"{record.FileName}_lead_{SampleSignals.LeadName(record.Ecg.LeadNames[lead])}.npy";
                float[] signal = NpyFile.Read(_tmp.File($"out/ecg/{name}")).AsFloat32();
                long[] label = NpyFile.Read(_tmp.File($"out/label/{name}")).AsInt64();
                Assert.Equal(10_000, signal.Length);
                Assert.Equal(expected.Select(b => (long)b), label);
                int recorded = Math.Min(record.LengthSamples, 10_000);
                for (int i = 0; i < recorded; i++)
                    Assert.Equal(Math.Round(record.Ecg.Leads[lead][i] * 1000) / 1000, signal[i], 1e-6);
                Assert.All(signal[recorded..], v => Assert.Equal(0f, v));
            }
        }
        // The span past the end of the 9,998-sample record paints up to its last sample, and the padding is background.
        long[] firstLabel = NpyFile.Read(_tmp.File($"out/label/{first.FileName}_lead_II.npy")).AsInt64();
        Assert.Equal(first.Spans[^1].ClassId, firstLabel[first.LengthSamples - 1]);
        Assert.Equal([0L, 0L], firstLabel[first.LengthSamples..]);
    }

    [Fact]
    public void Should_Reproduce_The_Synthetic_Masks_With_The_Inclusive_Offset_Rule()
    {
        var fixture = IspFixtureWriter.Write(_tmp.File("raw"), new IspFixtureOptions { TrainRecords = 4, TestRecords = 1 });

        DatabasePreparation.Run(new IspPreparer(fixture.Raw, new MaskOptions(OffsetRule.Inclusive)), _tmp.File("out"), seed: 0);

        foreach (var record in fixture.Records.Where(r => r.SpansFollowSignal))
        {
            long[] label = NpyFile.Read(_tmp.File($"out/label/{record.FileName}_lead_V3.npy")).AsInt64();
            int recorded = Math.Min(record.LengthSamples, 10_000);
            Assert.Equal(record.Ecg.Mask[..recorded].Select(b => (long)b), label[..recorded]);
        }
    }

    [Fact]
    public void Should_Ignore_The_Padding_And_The_Unannotated_Edges_When_Unannotated_Is_Ignore()
    {
        var fixture = IspFixtureWriter.Write(_tmp.File("raw"), new IspFixtureOptions { TrainRecords = 4, TestRecords = 1 });
        var mask = new MaskOptions(Unannotated: UnannotatedPolicy.Ignore);

        var summary = DatabasePreparation.Run(new IspPreparer(fixture.Raw, mask), _tmp.File("out"), seed: 0);

        var padded = fixture.Records.First(r => r.LengthSamples == 9_999);
        long[] label = NpyFile.Read(_tmp.File($"out/label/{padded.FileName}_lead_I.npy")).AsInt64();
        Assert.Equal(255L, label[^1]);
        var expected = FixtureSpan.ExpectedMask(padded.Spans, padded.LengthSamples, 0, 10_000, OffsetRule.Exclusive, UnannotatedPolicy.Ignore);
        Assert.Equal(expected.Select(b => (long)b), label);
        Assert.True(summary.Splits.Sum(s => s.IgnoredSamples) > 0);
    }

    [Fact]
    public void Should_Read_The_Zip_Itself_Like_The_Unzipped_Folder_And_Leave_No_Extracted_Files()
    {
        // Given: the same download, once unzipped and once as the zip (entries at its top level)
        var folder = IspFixtureWriter.Write(_tmp.File("a"), new IspFixtureOptions { TrainRecords = 4, TestRecords = 2 });
        var zip = IspFixtureWriter.Write(_tmp.File("b"), new IspFixtureOptions { TrainRecords = 4, TestRecords = 2, Zip = true });
        Assert.False(Directory.Exists(zip.DatasetFolder));

        // When
        DatabasePreparation.Run(new IspPreparer(folder.Raw, new MaskOptions()), _tmp.File("out-folder"), seed: 3);
        var scratch = Directory.CreateDirectory(_tmp.File("scratch")).FullName;
        DatabasePreparation.Run(new IspPreparer(zip.Raw, new MaskOptions(), scratch), _tmp.File("out-zip"), seed: 3);

        // Then: identical indexes and files, and the scratch folder is empty again
        foreach (string index in Directory.GetFiles(_tmp.File("out-folder/index")).Select(p => Path.GetFileName(p)))
            Assert.Equal(File.ReadAllText(_tmp.File($"out-folder/index/{index}")), File.ReadAllText(_tmp.File($"out-zip/index/{index}")));
        foreach (string file in Directory.GetFiles(_tmp.File("out-folder/label")).Select(p => Path.GetFileName(p)))
        {
            Assert.Equal(File.ReadAllBytes(_tmp.File($"out-folder/label/{file}")), File.ReadAllBytes(_tmp.File($"out-zip/label/{file}")));
            Assert.Equal(File.ReadAllBytes(_tmp.File($"out-folder/ecg/{file}")), File.ReadAllBytes(_tmp.File($"out-zip/ecg/{file}")));
        }
        Assert.Equal(72, Directory.GetFiles(_tmp.File("out-zip/ecg")).Length);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch));
    }

    [Theory]
    [InlineData("[(0, 120, 210), (1, 250")]
    [InlineData("[(0, 120), (1, 250, 330)]")]
    [InlineData("[(4, 120, 210)]")]
    [InlineData("120, 210")]
    public void Should_Name_The_Csv_Line_And_Field_When_A_Target_Is_Malformed(string target)
    {
        var fixture = IspFixtureWriter.Write(_tmp.File("raw"), new IspFixtureOptions { TrainRecords = 3, TestRecords = 1, MalformedTarget = target, Zip = true });

        var error = Assert.Throws<InvalidDataException>(() => new IspPreparer(fixture.Raw, new MaskOptions()));

        Assert.Contains("isp_delineation_dataset.zip!train_isp_delineation_data.csv line 3: field 'target'", error.Message);
    }

    [Fact]
    public void Should_Leave_Out_And_Report_Spans_With_Onset_After_Offset_Or_Entirely_After_The_End()
    {
        var fixture = IspFixtureWriter.Write(_tmp.File("raw"), new IspFixtureOptions { TrainRecords = 3, TestRecords = 1, UnusableSpans = true });
        var first = fixture.Records[0];

        var summary = DatabasePreparation.Run(new IspPreparer(fixture.Raw, new MaskOptions()), _tmp.File("out"), seed: 0);

        Assert.Equal(2, summary.Dropped.Count);
        Assert.Contains(summary.Dropped, d => d.Item == $"record {first.FileName} target span (T, 500, 400)" && d.Reason.Contains("onset after offset"));
        Assert.Contains(summary.Dropped, d => d.Item.Contains("(QRS, 10098") && d.Reason.Contains("starts after the record's last sample (9997)")
            && d.Reason.Contains("train_isp_delineation_data.csv line 2"));
        long[] label = NpyFile.Read(_tmp.File($"out/label/{first.FileName}_lead_I.npy")).AsInt64();
        var usable = first.Spans.Where(s => s.Onset <= s.Offset && s.Onset < first.LengthSamples);
        Assert.Equal(FixtureSpan.ExpectedMask(usable, first.LengthSamples, 0, 10_000, OffsetRule.Exclusive).Select(b => (long)b), label);
        Assert.Equal(48, summary.Splits.Where(s => s.Split is "train" or "valid" or "test").Sum(s => s.Samples));
    }

    [Fact]
    public void Should_Report_Records_Missing_On_Disk_And_Records_Missing_From_The_Csv()
    {
        var fixture = IspFixtureWriter.Write(_tmp.File("raw"), new IspFixtureOptions { TrainRecords = 3, TestRecords = 2 });
        File.Delete(Path.Combine(fixture.DatasetFolder, "train_data", "1002.hea"));
        File.WriteAllLines(fixture.TestCsv, File.ReadAllLines(fixture.TestCsv).Take(2));

        var summary = DatabasePreparation.Run(new IspPreparer(fixture.Raw, new MaskOptions()), _tmp.File("out"), seed: 0);

        Assert.Contains(new DroppedItem("record 1002", "listed in train_isp_delineation_data.csv but train_data/1002.hea is missing"), summary.Dropped);
        Assert.Contains(summary.Dropped, d => d.Item == "record 2002" && d.Reason.EndsWith("test_data/2002.hea has no row in test_isp_delineation_data.csv"));
        Assert.Equal(36, summary.Splits.Where(s => s.Split is "train" or "valid" or "test").Sum(s => s.Samples));
    }

    [Fact]
    public void Should_Name_What_Is_Missing_When_The_Raw_Path_Is_Wrong()
    {
        Directory.CreateDirectory(_tmp.File("empty"));
        File.WriteAllText(_tmp.File("not-a.zip"), "hello");

        Assert.Contains("train_isp_delineation_data.csv not found", Assert.Throws<FileNotFoundException>(() => new IspPreparer(_tmp.File("empty"), new MaskOptions())).Message);
        Assert.Contains("not a readable zip archive", Assert.Throws<InvalidDataException>(() => new IspPreparer(_tmp.File("not-a.zip"), new MaskOptions())).Message);
        Assert.IsType<DirectoryNotFoundException>(Assert.ThrowsAny<IOException>(() => new IspPreparer(_tmp.File("nowhere"), new MaskOptions())));
    }
}
