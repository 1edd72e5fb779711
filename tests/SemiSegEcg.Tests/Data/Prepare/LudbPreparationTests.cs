using System.Text.Json;
using SemiSegEcg.Data;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Prepare;

/// <summary>
/// Prepares all of real LUDB once (about 2 s) and checks the result against the original's figures (whole database:
/// skipped without <c>../shared</c>); record-level behaviour is checked on the bundled 11-record subset.
/// </summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class LudbPreparationTests : IClassFixture<LudbPreparationTests.PreparedLudb>
{
    private readonly PreparedLudb _prepared;

    public LudbPreparationTests(PreparedLudb prepared) => _prepared = prepared;

    public sealed class PreparedLudb : IDisposable
    {
        public TempDirectory Output { get; } = new("ludb-prep");
        public TempDirectory SubsetOutput { get; } = new("ludb-subset-prep");
        public PrepareSummary? Summary { get; private set; }
        public PrepareSummary? SubsetSummary { get; private set; }
        public PreparedLayout Layout => new(Output.Path, "LUDB");
        public PreparedLayout SubsetLayout => new(SubsetOutput.Path, "LUDB");

        /// <summary>The whole database prepared (skips without it).</summary>
        public PrepareSummary Get()
        {
            Summary ??= DatabasePreparation.Run(new LudbPreparer(SharedData.WholeLudb, new MaskOptions()), Output.Path, seed: 0);
            return Summary;
        }

        /// <summary>The bundled records prepared.</summary>
        public PrepareSummary GetSubset()
        {
            SubsetSummary ??= DatabasePreparation.Run(new LudbPreparer(SharedData.LudbRecords, new MaskOptions()), SubsetOutput.Path, seed: 0);
            return SubsetSummary;
        }

        public void Dispose()
        {
            Output.Dispose();
            SubsetOutput.Dispose();
        }
    }

    [SkippableFact]
    public void Should_Keep_2369_Leads_And_Drop_Exactly_The_31_Incomplete_Ones()
    {
        var summary = _prepared.Get();

        Assert.Equal(2369, Directory.GetFiles(_prepared.Layout.EcgDir, "*.npy").Length);
        Assert.Equal(2369, Directory.GetFiles(_prepared.Layout.LabelDir, "*.npy").Length);
        string[] expected =
        [
            "7 v1", "7 v2", "7 v3", "8 v5", "34 v1", "34 v2", "34 v3",
            "95 ii", "95 iii", "95 avr", "95 avf", "95 v1", "95 v3", "95 v4", "95 v5", "95 v6",
            "104 ii", "104 iii", "104 avr", "104 avf",
            "111 ii", "111 iii", "111 avf", "111 v3", "111 v4", "111 v5", "111 v6",
            "116 v1", "116 v2", "116 v4", "198 v2",
        ];
        Assert.Equal(expected.Select(e => $"record {e.Replace(" ", " lead ")}").Order(), summary.Dropped.Select(d => d.Item).Order());
    }

    [Fact]
    public void Should_Drop_The_Incomplete_Leads_Of_The_Bundled_Records_And_Split_Them_By_Subject()
    {
        var summary = _prepared.GetSubset();
        var layout = _prepared.SubsetLayout;

        Assert.Equal(["record 7 lead v1", "record 7 lead v2", "record 7 lead v3", "record 8 lead v5"], summary.Dropped.Select(d => d.Item).Order(StringComparer.Ordinal));
        Assert.Equal(128, Directory.GetFiles(layout.EcgDir, "*.npy").Length);
        var train = IndexCsv.Read(layout.UnlabeledIndex, requireLabels: true);
        var valid = IndexCsv.Read(layout.ValidIndex, requireLabels: true);
        var test = IndexCsv.Read(layout.TestIndex, requireLabels: true);
        Assert.Equal(128, train.Count + valid.Count + test.Count);
        var subjects = (train.Select(e => e.SubjectId).ToHashSet(), valid.Select(e => e.SubjectId).ToHashSet(), test.Select(e => e.SubjectId).ToHashSet());
        Assert.Equal((7, 2, 2), (subjects.Item1.Count, subjects.Item2.Count, subjects.Item3.Count));
        Assert.Empty(subjects.Item1.Intersect(subjects.Item2).Concat(subjects.Item1.Intersect(subjects.Item3)).Concat(subjects.Item2.Intersect(subjects.Item3)));
        Assert.Single(IndexCsv.Read(layout.LabeledIndex(16), requireLabels: true).Select(e => e.SubjectId).Distinct());
    }

    [Fact]
    public void Should_Cut_The_Tiny_Labeled_Index_From_The_Smallest_Labeled_Subset_That_Fills_A_Batch()
    {
        // The bundled records' 1/16, 1/8 and 1/4 subsets are one subject each (at most 12 samples); 1/2 holds 3.
        using var output = new TempDirectory();
        DatabasePreparation.Run(new LudbPreparer(SharedData.LudbRecords, new MaskOptions()), output.Path, seed: 0, tiny: true);
        var layout = new PreparedLayout(output.Path, "LUDB");
        var tiny = IndexCsv.Read(layout.TinyIndex("train_labeled"), requireLabels: true);

        Assert.True(IndexCsv.Read(layout.LabeledIndex(4)).Count < DatabasePreparation.TinySamples);
        Assert.Equal(DatabasePreparation.TinySamples, tiny.Count);
        Assert.Equal(IndexCsv.Read(layout.LabeledIndex(2)).Take(DatabasePreparation.TinySamples).Select(e => e.Waveform), tiny.Select(e => e.Waveform));
        Assert.All(PreparedLayout.TinySplits, split => Assert.Equal(DatabasePreparation.TinySamples, IndexCsv.Read(layout.TinyIndex(split)).Count));
    }

    [SkippableFact]
    public void Should_Split_By_Subject_With_84_Samples_At_One_Sixteenth()
    {
        _prepared.Get();
        var layout = _prepared.Layout;
        var train = IndexCsv.Read(layout.UnlabeledIndex, requireLabels: true);
        var valid = IndexCsv.Read(layout.ValidIndex, requireLabels: true);
        var test = IndexCsv.Read(layout.TestIndex, requireLabels: true);
        var labeled16 = IndexCsv.Read(layout.LabeledIndex(16), requireLabels: true);

        Assert.Equal(2369, train.Count + valid.Count + test.Count);
        Assert.Equal(84, labeled16.Count);
        Assert.Equal(7, labeled16.Select(e => e.SubjectId).Distinct().Count());
        var trainSubjects = train.Select(e => e.SubjectId).ToHashSet();
        Assert.Empty(trainSubjects.Intersect(valid.Select(e => e.SubjectId)));
        Assert.Empty(trainSubjects.Intersect(test.Select(e => e.SubjectId)));
        Assert.Empty(valid.Select(e => e.SubjectId).Intersect(test.Select(e => e.SubjectId)));
        Assert.Equal((120, 40, 40), (trainSubjects.Count, valid.Select(e => e.SubjectId).Distinct().Count(), test.Select(e => e.SubjectId).Distinct().Count()));
        foreach (int n in new[] { 2, 4, 8, 16 })
            Assert.Subset(trainSubjects, IndexCsv.Read(layout.LabeledIndex(n)).Select(e => e.SubjectId).ToHashSet());
        Assert.All(train, e => Assert.Equal(500, e.SampleRateHz));
    }

    [Fact]
    public void Should_Match_The_Original_Files_Class_Counts_With_The_Exclusive_Offset_Rule()
    {
        _prepared.GetSubset();
        // A third party's count on the original's 101_lead_I.pkl: 3545 background, 549 QRS, 906 T, no P.
        var label = NpyFile.Read(Path.Combine(_prepared.SubsetLayout.LabelDir, "101_lead_I.npy")).AsInt64();

        Assert.Equal(5000, label.Length);
        Assert.Equal(new long[] { 3545, 0, 549, 906 }, Enumerable.Range(0, 4).Select(c => (long)label.Count(v => v == c)).ToArray());
    }

    [Fact]
    public void Should_Hold_The_Signal_Outside_The_Annotated_Span_Like_The_Original_Files()
    {
        _prepared.GetSubset();
        // A third party's statistics of the original's 101_lead_I.pkl: min −0.1698, max 0.8302, mean −0.0018, std 0.1122.
        // The recorded lead has mean 0.0002 and std 0.1222; holding it at the first onset and last offset reproduces them.
        var signal = NpyFile.Read(Path.Combine(_prepared.SubsetLayout.EcgDir, "101_lead_I.npy")).AsFloat32().Select(v => (double)v).ToArray();
        double mean = signal.Average();
        double std = Math.Sqrt(signal.Average(v => (v - mean) * (v - mean)));

        Assert.Equal(-0.1698, signal.Min(), 4);
        Assert.Equal(0.8302, signal.Max(), 4);
        Assert.Equal(-0.0018, mean, 4);
        Assert.Equal(0.1122, std, 4);
        Assert.All(signal.AsSpan(0, 554).ToArray(), v => Assert.Equal(signal[554], v));
        Assert.All(signal.AsSpan(4440).ToArray(), v => Assert.Equal(signal[4439], v));
    }

    [Fact]
    public void Should_Reproduce_The_Reference_Mask_With_The_Inclusive_Offset_Rule()
    {
        using var output = new TempDirectory();
        var preparer = new LudbPreparer(SharedData.LudbRecords, new MaskOptions(Offset: OffsetRule.Inclusive, OutsideSignal: UnannotatedSignal.Keep));
        var sample = preparer.ReadSamples(new List<DroppedItem>()).First(s => s.Name == "1_lead_II");
        var reference = NpyFile.Read(Path.Combine(SharedData.ReferenceFixtures, "preprocessing", "ludb_1_ii_mask_500hz.npy")).AsInt64();
        var signal = NpyFile.Read(Path.Combine(SharedData.ReferenceFixtures, "preprocessing", "ludb_1_ii_signal_500hz.npy")).AsFloat32();

        Assert.Equal(reference, sample.Label!.Select(v => (long)v));
        Assert.Equal(signal, sample.Signal);
    }

    [Fact]
    public void Should_Write_The_Same_Files_Again_For_The_Same_Seed_And_Differ_For_Another()
    {
        _prepared.GetSubset();
        string first = File.ReadAllText(_prepared.SubsetLayout.LabeledIndex(16));
        using var again = new TempDirectory();
        DatabasePreparation.Run(new LudbPreparer(SharedData.LudbRecords, new MaskOptions()), again.Path, seed: 0);
        using var other = new TempDirectory();
        DatabasePreparation.Run(new LudbPreparer(SharedData.LudbRecords, new MaskOptions()), other.Path, seed: 1);

        Assert.Equal(first, File.ReadAllText(new PreparedLayout(again.Path, "LUDB").LabeledIndex(16)));
        Assert.NotEqual(first, File.ReadAllText(new PreparedLayout(other.Path, "LUDB").LabeledIndex(16)));
    }

    [Fact]
    public void Should_Rerun_Over_An_Existing_Output_And_Remove_Files_No_Longer_Produced()
    {
        // The bundled 11 records: 132 lead files, of which 4 are incomplete (record 7 v1–v3, record 8 v5).
        using var output = new TempDirectory();
        DatabasePreparation.Run(new LudbPreparer(SharedData.LudbRecords, new MaskOptions(), keepIncompleteLeads: true), output.Path, seed: 0);
        var layout = new PreparedLayout(output.Path, "LUDB");
        Assert.Equal(132, Directory.GetFiles(layout.EcgDir).Length);

        DatabasePreparation.Run(new LudbPreparer(SharedData.LudbRecords, new MaskOptions()), output.Path, seed: 0);

        Assert.Equal(128, Directory.GetFiles(layout.EcgDir).Length);
        Assert.Equal(128, Directory.GetFiles(layout.LabelDir).Length);
        Assert.Empty(Directory.GetFiles(output.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Should_Mark_Unannotated_Ends_As_Ignored_When_Asked()
    {
        var preparer = new LudbPreparer(SharedData.LudbRecords, new MaskOptions(Unannotated: UnannotatedPolicy.Ignore));
        var sample = preparer.ReadSamples(new List<DroppedItem>()).First(s => s.Name == "1_lead_II");

        Assert.Equal(WaveLabels.Ignore, sample.Label![0]);
        Assert.Equal(WaveLabels.Ignore, sample.Label[^1]);
        Assert.Contains(sample.Label, v => v == WaveLabels.Qrs);
    }

    [SkippableFact]
    public void Should_Record_Counts_Per_Split_In_The_Summary_File()
    {
        _prepared.Get();
        using var json = JsonDocument.Parse(File.ReadAllText(_prepared.Layout.SummaryPath));
        var splits = json.RootElement.GetProperty("Splits").EnumerateArray().ToDictionary(s => s.GetProperty("Split").GetString()!, s => s.GetProperty("Samples").GetInt32());

        Assert.Equal(2369, splits["train"] + splits["valid"] + splits["test"]);
        Assert.Equal(84, splits["train 1/16"]);
    }

    [SkippableFact]
    public void Should_Write_Label_Draws_Over_The_Same_Splits_And_Remove_Draws_No_Longer_Asked_For()
    {
        // Given: LUDB prepared as usual (the fixture) and again with three label draws
        _prepared.Get();
        var usual = _prepared.Layout;
        using var output = new TempDirectory("ludb-draws");
        var layout = new PreparedLayout(output.Path, "LUDB");

        // When
        var summary = DatabasePreparation.Run(new LudbPreparer(SharedData.WholeLudb, new MaskOptions()), output.Path, seed: 0, labelDraws: 3);

        // Then: valid, test, unlabeled and draw 0 are byte for byte the usual files
        foreach (string file in new[] { usual.ValidIndex, usual.TestIndex, usual.UnlabeledIndex, usual.LabeledIndex(16), usual.LabeledIndex(2) })
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(layout.IndexDir, Path.GetFileName(file))));
        var trainSubjects = IndexCsv.Read(layout.UnlabeledIndex, requireLabels: true).Select(e => e.SubjectId).ToHashSet();
        var drawSubjects = new List<HashSet<string>>();
        for (int draw = 1; draw < 3; draw++)
        {
            var subjects = new Dictionary<int, HashSet<string>>();
            foreach (int ratio in new[] { 2, 4, 8, 16 })
            {
                subjects[ratio] = IndexCsv.Read(layout.LabeledIndex(ratio, draw), requireLabels: true).Select(e => e.SubjectId).ToHashSet();
                Assert.Subset(trainSubjects, subjects[ratio]);
            }
            Assert.Equal(7, subjects[16].Count);
            Assert.Subset(subjects[8], subjects[16]);
            Assert.Subset(subjects[4], subjects[8]);
            Assert.Subset(subjects[2], subjects[4]);
            drawSubjects.Add(subjects[16]);
        }
        var drawZero = IndexCsv.Read(layout.LabeledIndex(16), requireLabels: true).Select(e => e.SubjectId).ToHashSet();
        Assert.NotEqual(drawZero.Order(), drawSubjects[0].Order());
        Assert.NotEqual(drawSubjects[0].Order(), drawSubjects[1].Order());
        Assert.Equal(12, summary.LabeledDraws.Count);
        var listed = summary.LabeledDraws.Single(d => d.Draw == 2 && d.Ratio == 16);
        Assert.Equal("LUDB_train_labeled_1over16_draw2.csv", listed.IndexFile);
        Assert.Equal(drawSubjects[1].Order(), listed.Subjects.Order());
        using (var json = JsonDocument.Parse(File.ReadAllText(layout.SummaryPath)))
            Assert.Equal(12, json.RootElement.GetProperty("LabeledDraws").GetArrayLength());

        // And when prepared again with two draws, the third draw's files go and the second's stay as they were
        byte[] drawOne = File.ReadAllBytes(layout.LabeledIndex(16, 1));
        string userFile = Path.Combine(layout.IndexDir, "LUDB_train_labeled_1over16_draw1_old.csv");
        File.WriteAllText(userFile, "mine");
        File.WriteAllText(layout.TinyIndex("test"), "from an earlier --tiny");
        var again = DatabasePreparation.Run(new LudbPreparer(SharedData.WholeLudb, new MaskOptions()), output.Path, seed: 0, labelDraws: 2);
        Assert.False(File.Exists(layout.LabeledIndex(16, 2)));
        Assert.Equal(drawOne, File.ReadAllBytes(layout.LabeledIndex(16, 1)));
        Assert.Equal("mine", File.ReadAllText(userFile));
        Assert.False(File.Exists(layout.TinyIndex("test")));
        Assert.Equal(8, again.LabeledDraws.Count);
    }
}
