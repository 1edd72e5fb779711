using SemiSegEcg.Data;
using SemiSegEcg.Delineation;
using SemiSegEcg.Signal;
using static SemiSegEcg.Tests.Delineation.DelineationTestData;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class WindowedSegmenterTests
{
    [Fact]
    public void Should_Feed_The_Model_Exactly_The_Benchmark_Preprocessing_When_The_Record_Is_10_Seconds()
    {
        var ecg = Record(seed: 21, leads: 3);
        var truth250 = Record(seed: 21, samplingRateHz: 250, leads: 3).Mask;
        var predictor = ScriptedPredictor.FromTruth([truth250, truth250, truth250]);

        var segmentation = new WindowedSegmenter(predictor.Predict).Segment(Input(ecg));

        var preprocessor = new EcgPreprocessor();
        Assert.Equal(3, predictor.Inputs.Count);
        for (int lead = 0; lead < 3; lead++) Assert.Equal(preprocessor.Process(ecg.Leads[lead]), predictor.Inputs[lead]);
        Assert.Equal([3], predictor.BatchSizes);
        Assert.Equal(new ResamplingGrid(5000, 2500, 2.0), segmentation.Grid);
        Assert.All(segmentation.Leads, lead => Assert.Equal(truth250, lead.StepLabels));
    }

    [Fact]
    public void Should_Map_Labels_To_The_Native_Rate_Within_One_Native_Sample_When_The_Record_Is_At_500_Hz()
    {
        var ecg = Record(seed: 22, leads: 1);
        var truth250 = Record(seed: 22, samplingRateHz: 250, leads: 1).Mask;
        var predictor = ScriptedPredictor.FromTruth([truth250]);

        var native = new WindowedSegmenter(predictor.Predict).Segment(Input(ecg)).Leads[0].NativeLabels;

        var expected = MaskRuns(ecg.Mask);
        var actual = MaskRuns(native);
        Assert.Equal(expected.Select(r => r.Label), actual.Select(r => r.Label));
        for (int r = 0; r < expected.Count; r++)
        {
            Assert.InRange(actual[r].First - expected[r].First, -1, 1);
            Assert.InRange(actual[r].Last - expected[r].Last, -1, 1);
        }
    }

    [Fact]
    public void Should_Reproduce_The_Truth_Exactly_When_A_35_Second_Record_Is_Stitched_From_Overlapping_Windows()
    {
        var ecg = Record(seed: 23, seconds: 35, leads: 2);
        var truth250 = Record(seed: 23, samplingRateHz: 250, seconds: 35, leads: 2).Mask;
        var predictor = ScriptedPredictor.FromTruth([truth250, truth250]);
        // Resample in chunks too, the path for long records.
        var options = new WindowingOptions { WholeRecordResampleMaxSeconds = 20 };

        var segmentation = new WindowedSegmenter(predictor.Predict, options).Segment(Input(ecg));

        Assert.Equal([0, 2000, 4000, 6000, 6250], WindowedSegmenter.WindowStarts(8750, 2500, 2000));
        Assert.Equal(10, segmentation.WindowCount);
        Assert.Equal(0, predictor.Remaining);
        Assert.Equal(8750, segmentation.Grid.StepLength);
        Assert.All(segmentation.Leads, lead => Assert.Equal(truth250, lead.StepLabels));
        Assert.All(predictor.Inputs, window => Assert.Equal(2500, window.Length));
    }

    [Fact]
    public void Should_Pad_And_Trim_Back_When_The_Record_Is_Shorter_Than_A_Window()
    {
        var ecg = Record(seed: 24, seconds: 6, leads: 2);
        var truth250 = Record(seed: 24, samplingRateHz: 250, seconds: 6, leads: 2).Mask;
        var predictor = ScriptedPredictor.FromTruth([truth250, truth250]);

        var segmentation = new WindowedSegmenter(predictor.Predict).Segment(Input(ecg));

        Assert.Equal(1500, segmentation.Grid.StepLength);
        Assert.All(predictor.Inputs, window => Assert.Equal(2500, window.Length));
        Assert.All(segmentation.Leads, lead =>
        {
            Assert.Equal(truth250, lead.StepLabels);
            Assert.Equal(3000, lead.NativeLabels.Length);
            Assert.Equal(4 * 1500, lead.Probabilities.Length);
        });
    }

    [Fact]
    public void Should_Weight_Overlapping_Windows_By_Their_Edge_Ramps_When_Windows_Disagree()
    {
        // 12 s at 250 Hz: two windows, at 0 and at 500 (flush with the end); each predicts one constant distribution.
        var signal = Enumerable.Range(0, 3000).Select(i => Math.Sin(i * 0.05) + 0.3 * Math.Sin(i * 0.31)).ToArray();
        var input = new RecordingInput("r", 250, ["x"], [signal], "r.test");
        float[] first = Constant(0.1f, 0.6f, 0.2f, 0.1f), second = Constant(0.1f, 0.1f, 0.2f, 0.6f);
        var predictor = new ScriptedPredictor([first, second]);

        var lead = new WindowedSegmenter(predictor.Predict).Segment(input).Leads[0];

        float[] w = WindowedSegmenter.WindowWeights(2500, 500);
        Assert.Equal(1 / 501f, w[0]);
        Assert.Equal(1f, w[500]);
        Assert.Equal(1 / 501f, w[2499]);
        foreach (int k in new[] { 0, 499, 500, 550, 1500, 2400, 2499, 2500, 2999 })
        {
            double w0 = k < 2500 ? w[k] : 0, w1 = k >= 500 ? w[k - 500] : 0;
            for (int c = 0; c < 4; c++)
            {
                double expected = (w0 * first[c * 2500] + w1 * second[c * 2500]) / (w0 + w1);
                Assert.Equal(expected, lead.Probabilities[c * 3000 + k], 1e-6);
            }
        }
        // Equal weights (k = 1500) tie P and T: the lower class wins; window edges lose to window middles.
        Assert.Equal(WaveLabels.P, lead.StepLabels[1500]);
        Assert.Equal(WaveLabels.P, lead.StepLabels[550]);
        Assert.Equal(WaveLabels.T, lead.StepLabels[2400]);
        Assert.Equal(WaveLabels.T, lead.StepLabels[2999]);
    }

    [Fact]
    public void Should_Batch_Windows_Across_Leads_When_There_Are_More_Than_A_Batch_Holds()
    {
        var ecg = Record(seed: 25, seconds: 35, leads: 12);
        var truth250 = Record(seed: 25, samplingRateHz: 250, seconds: 35, leads: 1).Mask;
        var predictor = ScriptedPredictor.FromTruth(Enumerable.Repeat(truth250, 12).ToList());

        var segmentation = new WindowedSegmenter(predictor.Predict, new WindowingOptions { MaxBatchSize = 16 }).Segment(Input(ecg));

        Assert.Equal([16, 16, 16, 12], predictor.BatchSizes);
        Assert.Equal(60, segmentation.WindowCount);
        Assert.All(segmentation.Leads, lead => Assert.Equal(truth250, lead.StepLabels));
    }

    [Fact]
    public void Should_Fail_Clearly_When_The_Predictor_Returns_The_Wrong_Shape()
    {
        var input = new RecordingInput("r", 250, ["x"], [new double[2500]], "r.test");
        var segmenter = new WindowedSegmenter(batch => batch.Select(_ => new float[2500]).ToArray());

        var error = Assert.Throws<InvalidOperationException>(() => segmenter.Segment(input));

        Assert.Contains("4×2500", error.Message);
    }

    [Fact]
    public void Should_Match_Whole_Record_Resampling_Away_From_The_Ends_When_Resampling_In_Chunks()
    {
        var rng = new Random(5);
        var x = new double[90 * 360];
        double walk = 0;
        for (int i = 0; i < x.Length; i++)
        {
            walk += 0.01 * (rng.NextDouble() - 0.5);
            x[i] = Math.Sin(2 * Math.PI * 1.2 * i / 360) + 0.4 * Math.Sin(2 * Math.PI * 7.5 * i / 360) + walk;
        }

        double[]? chunked = ChunkedResampler.TryResample(x, 360, 250, chunkSeconds: 30, marginSeconds: 4, out double perStep);
        double[] whole = FourierResampler.Resample(x, 22500);

        Assert.NotNull(chunked);
        Assert.Equal(1.44, perStep, 12);
        Assert.Equal(22500, chunked.Length);
        double worst = 0;
        for (int k = 1000; k < 21500; k++) worst = Math.Max(worst, Math.Abs(chunked[k] - whole[k]));
        Assert.InRange(worst, 0, 2e-3);
    }

    private static float[] Constant(params float[] perClass)
    {
        var p = new float[4 * 2500];
        for (int c = 0; c < 4; c++) p.AsSpan(c * 2500, 2500).Fill(perClass[c]);
        return p;
    }

    private static List<(byte Label, int First, int Last)> MaskRuns(byte[] mask)
    {
        var runs = new List<(byte, int, int)>();
        int start = 0;
        for (int i = 1; i <= mask.Length; i++)
        {
            if (i < mask.Length && mask[i] == mask[start]) continue;
            runs.Add((mask[start], start, i - 1));
            start = i;
        }
        return runs;
    }
}
