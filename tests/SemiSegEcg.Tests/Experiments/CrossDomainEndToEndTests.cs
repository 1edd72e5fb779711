using SemiSegEcg.Config;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>The cross-domain setting end to end on what this machine has: LUDB + QTDB labeled, PTB-XL unlabeled.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class CrossDomainEndToEndTests
{
    [SkippableFact]
    public void Should_Merge_Real_Databases_And_Train_FixMatch_With_The_Merged_Config()
    {
        using var root = new TempDirectory("cross-domain");
        DatabasePreparation.Run(new LudbPreparer(SharedData.WholeLudb, new MaskOptions()), Path.Combine(root.Path, "ludb"), seed: 0);
        DatabasePreparation.Run(new QtdbPreparer(SharedData.WholeQtdb, new MaskOptions()), Path.Combine(root.Path, "qtdb"), seed: 0);
        DatabasePreparation.Run(new PtbXlPreparer(SharedData.WholePtbXl), Path.Combine(root.Path, "ptbxl"), seed: 0);
        string merged = Path.Combine(root.Path, "merged");
        DatasetMerger.Run([Path.Combine(root.Path, "ludb"), Path.Combine(root.Path, "qtdb"), Path.Combine(root.Path, "ptbxl")], merged);

        // A tiny budget: a few rows of each merged index, keeping both databases in every labeled split.
        string Tiny(string index, int perDatabase)
        {
            var rows = IndexCsv.Read(index).GroupBy(e => e.SubjectId.Split(':')[0]).SelectMany(g => g.Take(perDatabase)).ToList();
            string path = Path.Combine(Path.GetDirectoryName(index)!, "TINY_" + Path.GetFileName(index));
            IndexCsv.Write(path, rows);
            return Path.GetFileName(path);
        }
        var set = new[]
        {
            $"dataset.train_labeled_csv={Tiny(DatasetMerger.TrainLabeledIndex(merged), 8)}",
            $"dataset.train_unlabeled_csv={Tiny(DatasetMerger.UnlabeledIndex(merged), 8)}",
            $"dataset.valid_csv={Tiny(DatasetMerger.ValidIndex(merged), 8)}",
            $"dataset.test_csv={Tiny(DatasetMerger.TestIndex(merged), 8)}",
            "train.epochs=1", "train.warmup_epochs=1", "dataloader.num_workers=1",
        };
        var loaded = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", "fixmatch.yaml"),
            Path.Combine(SharedData.RepoRoot, "configs", "bench", "cross_domain", "merged.yaml"),
            new CliOverrides { DataRoot = root.Path, OutputDir = Path.Combine(root.Path, "runs"), Set = set });

        var outcome = ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);
        var test = ExperimentRunner.Test(loaded);

        Assert.Single(outcome.History);
        Assert.True(double.IsFinite(outcome.History[0].ValidLoss));
        Assert.Equal(16, test.SampleCount);
        Assert.EndsWith(Path.Combine("cross_domain", "merged"), loaded.Config.RunDirectory);
    }
}
