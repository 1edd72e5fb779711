using SemiSegEcg.Config;
using SemiSegEcg.Delineation;
using SemiSegEcg.Experiments;
using SemiSegEcg.Inference;
using static TorchSharp.torch;

namespace SemiSegEcg.Bench;

/// <summary>
/// A 12-lead 10-s record end to end — read, preprocess, infer (leads batched), post-process, write CSV — after warm-up;
/// and the post-processing and writing alone (waves, beats, atrial-activity gate, consensus, every output format), which
/// should stay a few ms: a quadratic step there would show first in long Holter recordings.
/// </summary>
internal static class DelineationBenchmarks
{
    public static void Run(string configsRoot, string record, int reps)
    {
        var values = new Dictionary<string, double>();
        foreach (string config in new[] { "resnet18/scratch", "resnet18_unet/scratch", "vit_tiny/scratch" })
        {
            var loaded = ConfigLoader.Load(Path.Combine(configsRoot, "base", config + ".yaml"));
            random.manual_seed(0);
            using var model = ExperimentModels.Create(loaded.Config);
            var delineator = new Delineator(ModelPredictor.For(model));
            string output = Path.Combine(Path.GetTempPath(), $"bench-delineate-{Environment.ProcessId}");
            void Once() => DelineationCsvWriter.Write(output, delineator.Delineate(RecordingReader.Read(record)));
            Once();
            Once();
            var times = Enumerable.Range(0, reps).Select(_ => Timing.Ms(Once)).ToList();
            values[config.Replace('/', '_') + "_ms"] = Timing.Median(times);
            if (config == "resnet18/scratch")
            {
                var segmentation = delineator.Segmenter.Segment(RecordingReader.Read(record));
                void PostProcess()
                {
                    var result = delineator.PostProcessor.Process(segmentation);
                    DelineationCsvWriter.Write(output, result);
                    DelineationJsonWriter.Write(Path.Combine(output, "record.json"), result);
                    foreach (var track in result.Tracks) DelineationWfdbWriter.Annotations(track, 0);
                }
                PostProcess();
                values["post_process_and_write_ms"] = Timing.Median(Enumerable.Range(0, reps).Select(_ => Timing.Ms(PostProcess)).ToList());
            }
            Directory.Delete(output, recursive: true);
        }
        values["threads"] = get_num_threads();
        Timing.Report("delineate_12lead_10s", values);
    }
}
