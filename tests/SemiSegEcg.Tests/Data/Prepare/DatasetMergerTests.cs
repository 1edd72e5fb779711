using SemiSegEcg.Config;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Signal;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Prepare;

/// <summary>
/// The cross-domain setting on what this machine has: real LUDB, QTDB and the PTB-XL subset, prepared once into
/// one data root (about 4 s), then merged.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class DatasetMergerTests : IClassFixture<DatasetMergerTests.PreparedRoot>
{
    private readonly PreparedRoot _root;

    public DatasetMergerTests(PreparedRoot root) => _root = root;

    public sealed class PreparedRoot : IDisposable
    {
        private bool _prepared;

        public TempDirectory Tmp { get; } = new("merge");
        public string DataRoot => Tmp.Path;
        public string[] Databases => new[] { "ludb", "qtdb", "ptbxl" }.Select(d => Path.Combine(DataRoot, d)).ToArray();

        /// <summary>Prepares the three databases on first use (inside a test, so missing data skips it).</summary>
        public PreparedRoot Get()
        {
            if (_prepared) return this;
            DatabasePreparation.Run(new LudbPreparer(SharedData.WholeLudb, new MaskOptions()), Databases[0], seed: 0);
            DatabasePreparation.Run(new QtdbPreparer(SharedData.WholeQtdb, new MaskOptions()), Databases[1], seed: 0);
            DatabasePreparation.Run(new PtbXlPreparer(SharedData.WholePtbXl), Databases[2], seed: 0);
            _prepared = true;
            return this;
        }

        public void Dispose() => Tmp.Dispose();
    }

    private static int Count(string index) => IndexCsv.Read(index).Count;

    [SkippableFact]
    public void Should_Merge_Labeled_Unlabeled_Valid_And_Test_As_Unions_Of_The_Databases()
    {
        // Given
        var root = _root.Get();
        var ludb = new PreparedLayout(root.Databases[0], "LUDB");
        var qtdb = new PreparedLayout(root.Databases[1], "QTDB");
        var ptbxl = new PreparedLayout(root.Databases[2], "PTBXL");
        string output = Path.Combine(root.DataRoot, "merged");

        // When
        var summary = DatasetMerger.Run(root.Databases, output);

        // Then
        Assert.Equal(Count(ludb.UnlabeledIndex) + Count(qtdb.UnlabeledIndex), Count(DatasetMerger.TrainLabeledIndex(output)));
        Assert.Equal(Count(ludb.UnlabeledIndex) + Count(qtdb.UnlabeledIndex) + Count(ptbxl.UnlabeledIndex), Count(DatasetMerger.UnlabeledIndex(output)));
        Assert.Equal(Count(ludb.ValidIndex) + Count(qtdb.ValidIndex), Count(DatasetMerger.ValidIndex(output)));
        Assert.Equal(Count(ludb.TestIndex) + Count(qtdb.TestIndex), Count(DatasetMerger.TestIndex(output)));
        var unlabeled = summary.Splits.Single(s => s.Split == "unlabeled").SamplesPerDatabase;
        Assert.Equal((Count(ludb.UnlabeledIndex), 6000), (unlabeled["LUDB"], unlabeled["PTBXL"]));
        foreach (int n in new[] { 2, 4, 8, 16 })
            Assert.Equal(Count(ludb.LabeledIndex(n)) + Count(qtdb.LabeledIndex(n)), Count(DatasetMerger.LabeledIndex(output, n)));
        Assert.Equal(["ludb", "qtdb", "ptbxl"], summary.Databases.Select(d => d.PathPrefix));
        Assert.Equal(IndexCsv.Read(ludb.ValidIndex)[0].Waveform, IndexCsv.Read(DatasetMerger.ValidIndex(output))[0].Waveform["ludb/ecg/".Length..]);
        Assert.True(File.Exists(Path.Combine(output, "summary.json")));
    }

    [SkippableFact]
    public void Should_Resolve_Every_Merged_Path_Through_The_Shipped_Merged_Config()
    {
        // Given: the merged setting in <root>/merged, as the config expects
        var root = _root.Get();
        DatasetMerger.Run(root.Databases, Path.Combine(root.DataRoot, "merged"));

        // When: the shipped config is loaded with that data root
        var loaded = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs/base/resnet18/scratch.yaml"),
            Path.Combine(SharedData.RepoRoot, "configs/bench/cross_domain/merged.yaml"), new CliOverrides { DataRoot = root.DataRoot });
        var paths = DatasetPaths.Resolve(loaded, environmentDataRoot: null);

        // Then: every index row names existing files, and the loader reads samples of every split
        var splits = new (string Index, bool Labeled)[] { (paths.TrainLabeledIndex, true), (paths.TrainUnlabeledIndex!, false), (paths.ValidIndex, true), (paths.TestIndex!, true) };
        var preprocessor = new EcgPreprocessor();
        foreach (var (index, labeled) in splits)
        {
            var entries = IndexCsv.Read(index, requireLabels: labeled);
            Assert.All(entries, e => Assert.True(File.Exists(Path.Combine(paths.EcgDir, e.Waveform)), e.Waveform));
            if (labeled) Assert.All(entries, e => Assert.True(File.Exists(Path.Combine(paths.LabelDir, e.Label!)), e.Label));
            var sample = entries.Where((_, i) => i % 997 == 0).ToList();
            var loadedSamples = SampleStore.Load(sample, paths.EcgDir, paths.LabelDir, labeled, preprocessor);
            Assert.All(loadedSamples, s => Assert.Equal(2500, s.Signal.Length));
        }
    }

    [SkippableFact]
    public void Should_Prefix_Subjects_With_Their_Database_So_No_Subject_Is_Shared()
    {
        var root = _root.Get();
        string output = Path.Combine(root.DataRoot, "merged-subjects");

        DatasetMerger.Run(root.Databases, output);

        var train = IndexCsv.Read(DatasetMerger.UnlabeledIndex(output));
        var valid = IndexCsv.Read(DatasetMerger.ValidIndex(output));
        var test = IndexCsv.Read(DatasetMerger.TestIndex(output));
        Assert.Contains(train, e => e.SubjectId == "PTBXL:15709");
        Assert.All(train.Concat(valid).Concat(test), e => Assert.Matches("^(LUDB|QTDB|PTBXL):.+$", e.SubjectId));
        var trainSubjects = train.Select(e => e.SubjectId).ToHashSet();
        Assert.Empty(trainSubjects.Intersect(valid.Select(e => e.SubjectId)));
        Assert.Empty(trainSubjects.Intersect(test.Select(e => e.SubjectId)));
        Assert.Empty(valid.Select(e => e.SubjectId).Intersect(test.Select(e => e.SubjectId)));
    }

    [SkippableFact]
    public void Should_Take_One_Nth_Of_Each_Database_As_Labeled_Set_With_The_Ratio_Option()
    {
        var root = _root.Get();
        string output = Path.Combine(root.DataRoot, "merged-16");

        var summary = DatasetMerger.Run(root.Databases, output, ratio: 16);

        var labeled = IndexCsv.Read(DatasetMerger.TrainLabeledIndex(output), requireLabels: true);
        Assert.Equal(84, labeled.Count(e => e.SubjectId.StartsWith("LUDB:", StringComparison.Ordinal)));
        Assert.Equal(Count(new PreparedLayout(root.Databases[1], "QTDB").LabeledIndex(16)), labeled.Count(e => e.SubjectId.StartsWith("QTDB:", StringComparison.Ordinal)));
        Assert.Equal("train labeled 1/16", summary.Splits[0].Split);
        Assert.Equal(File.ReadAllText(DatasetMerger.LabeledIndex(output, 16)), File.ReadAllText(DatasetMerger.TrainLabeledIndex(output)));
    }

    [SkippableFact]
    public void Should_Use_Absolute_Paths_For_A_Database_Outside_The_Data_Root()
    {
        // Given: the output in a different folder tree than the databases
        var root = _root.Get();
        using var elsewhere = new TempDirectory("merge-elsewhere");
        string output = Path.Combine(elsewhere.Path, "merged");

        // When
        var summary = DatasetMerger.Run(root.Databases[..2], output);

        // Then
        Assert.All(summary.Databases, d => Assert.True(Path.IsPathRooted(d.PathPrefix)));
        var test = IndexCsv.Read(DatasetMerger.TestIndex(output), requireLabels: true);
        Assert.All(test, e => Assert.True(File.Exists(Path.Combine(elsewhere.Path, e.Waveform)) && File.Exists(Path.Combine(elsewhere.Path, e.Label!))));
    }

    [SkippableFact]
    public void Should_Refuse_Merges_That_Cannot_Form_The_Setting()
    {
        var root = _root.Get();
        string output = Path.Combine(root.DataRoot, "merged-bad");

        Assert.Contains("needs at least one database with valid/test splits",
            Assert.Throws<ArgumentException>(() => DatasetMerger.Run([root.Databases[2]], output)).Message);
        Assert.Contains("database LUDB is given 2 times",
            Assert.Throws<ArgumentException>(() => DatasetMerger.Run([root.Databases[0], root.Databases[0] + "/"], output)).Message);
        Assert.Contains("LUDB_train_labeled_1over3.csv does not exist",
            Assert.Throws<FileNotFoundException>(() => DatasetMerger.Run(root.Databases, output, ratio: 3)).Message);
        Assert.Contains("is not a prepared database",
            Assert.Throws<DirectoryNotFoundException>(() => DatasetMerger.Run([root.DataRoot], output)).Message);
    }

    [SkippableFact]
    public void Should_Name_The_Index_And_Row_When_A_Database_File_Is_Missing()
    {
        // Given: a copy of the QTDB preparation with one waveform file removed
        var root = _root.Get();
        using var copy = new TempDirectory("merge-missing");
        var source = new PreparedLayout(root.Databases[1], "QTDB");
        string db = Path.Combine(copy.Path, "qtdb");
        Directory.CreateDirectory(Path.Combine(db, "index"));
        foreach (string file in Directory.GetFiles(source.IndexDir)) File.Copy(file, Path.Combine(db, "index", Path.GetFileName(file)));

        // When / Then
        var error = Assert.Throws<FileNotFoundException>(() => DatasetMerger.Run([db], Path.Combine(copy.Path, "merged")));
        Assert.Contains("QTDB_train_unlabeled.csv: names '", error.Message);
        Assert.Contains("qtdb/ecg/", error.Message);
    }
}
