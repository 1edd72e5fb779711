using SemiSegEcg.Delineation;
using static SemiSegEcg.Tests.Delineation.DelineationTestData;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class DelineatorTests
{
    [Fact]
    public void Should_Summarize_The_True_Intervals_When_The_Model_Is_Perfect_On_A_12_Lead_Record()
    {
        var ecg = Record(seed: 71, leads: 12);
        var truth250 = Record(seed: 71, samplingRateHz: 250, leads: 1).Mask;
        var delineator = new Delineator(ScriptedPredictor.FromTruth(Enumerable.Repeat(truth250, 12).ToList()).Predict);

        var result = delineator.Delineate(Input(ecg, "syn71"));

        var complete = ecg.Beats.Where(b => b.IsComplete).ToList();
        Assert.Equal(12, result.Leads.Count);
        Assert.Equal("consensus", result.Summary.Source);
        Assert.InRange(result.Summary.BeatCount, complete.Count, complete.Count + 1);
        Assert.InRange(result.Summary.PrMs!.Value - Median(complete.Select(b => b.PrMs!.Value)), -4, 4);
        Assert.InRange(result.Summary.QrsMs!.Value - Median(complete.Select(b => b.QrsDurationMs)), -4, 4);
        Assert.InRange(result.Summary.QtMs!.Value - Median(complete.Select(b => b.QtMs)), -4, 4);
        Assert.InRange(result.Summary.HeartRateBpm!.Value - Median(complete.Select(b => 60000 / b.RrMs)), -2, 2);
    }

    [Fact]
    public void Should_Post_Process_And_Format_A_12_Lead_Record_The_Same_Way_Every_Time()
    {
        // Its speed is measured in bench/ (delineate: post_process_and_write_ms), not here: the machine is shared.
        var ecg = Record(seed: 72, leads: 12);
        var labels = Enumerable.Repeat(ecg.Mask, 12).ToList();
        var post = new DelineationPostProcessor();
        var input = Input(ecg);

        var first = Formatted(post.ProcessLabels(input, labels));
        var second = Formatted(post.ProcessLabels(input, labels));

        Assert.Equal(first, second);
        Assert.All(first, text => Assert.False(string.IsNullOrEmpty(text)));

        static string[] Formatted(DelineationResult result) =>
        [
            DelineationCsvWriter.WavesCsv([result]), DelineationCsvWriter.BeatsCsv([result]), DelineationCsvWriter.SummaryCsv([result]),
            DelineationJsonWriter.ToJson(result),
            string.Join(";", result.Tracks.Select(t => DelineationWfdbWriter.Annotations(t, 0).Count)),
        ];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
