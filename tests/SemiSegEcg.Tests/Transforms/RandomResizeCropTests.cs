using SemiSegEcg.Data;
using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Parity)]
public sealed class RandomResizeCropTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Match_Reference_Outputs_When_Draws_Are_Fixed()
    {
        // Given the reference lead, its mask and the eight fixed (size, start) cases of the fixture
        double[] signal = TransformFixtures.StandardizedSignal();
        byte[] mask = TransformFixtures.Mask();
        var cases = TransformFixtures.Json("augmentation_deterministic", "augmentation_deterministic.json").GetProperty("resize");
        var crop = new RandomResizeCrop(2500, 0.5, 2.0);
        int checkedCases = 0;

        foreach (var entry in cases.EnumerateObject())
        {
            int size = entry.Value.GetProperty("size").GetInt32();
            int start = entry.Value.GetProperty("start").GetInt32();

            // When the whole op runs with those draws
            EcgView result = crop.ApplyWithDraws(new EcgView(signal, mask), size, start);

            // Then signal (atol 1e-5) and label (exactly) equal the reference's
            double[] expectedSignal = TransformFixtures.Float64(TransformFixtures.Reference("augmentation_deterministic", $"resizecrop_{entry.Name}_signal.npy"));
            long[] expectedLabel = TransformFixtures.Int64(TransformFixtures.Reference("augmentation_deterministic", $"resizecrop_{entry.Name}_label.npy"));
            double error = TransformFixtures.MaxAbsDifference(result.Signal, expectedSignal);
            output.WriteLine($"{entry.Name}: max |Δ| = {error:E2}");
            Assert.True(error < 1e-5, $"{entry.Name}: max abs error {error}");
            Assert.Equal(expectedLabel, result.Label!.Select(v => (long)v).ToArray());
            checkedCases++;
        }
        Assert.Equal(8, checkedCases);
    }

    [Fact]
    public void Should_Keep_Mask_And_Signal_Aligned_When_Resizing_A_Qrs_Indicator()
    {
        // Given a signal that is 1 inside the real LUDB QRS mask and 0 elsewhere
        byte[] mask = TransformFixtures.Mask();
        double[] indicator = mask.Select(v => v == WaveLabels.Qrs ? 1.0 : 0.0).ToArray();
        var crop = new RandomResizeCrop();
        var random = new SeededRandom(7);
        int totalMismatches = 0, totalBoundaries = 0;

        for (int call = 0; call < 50; call++)
        {
            // When resized and cropped at random
            EcgView result = crop.Apply(new EcgView(indicator, mask), random);

            // Then wherever the resized indicator is clearly inside (outside) a QRS, the label says QRS (not QRS) within
            // one sample: the FFT resize puts output k at input position k·T/size while the label's linspace puts it at
            // k·(T−1)/(size−1), so the reference itself aligns them only to within half an input sample
            int mismatches = 0;
            for (int i = 0; i < result.LengthSamples; i++)
            {
                bool labelQrs = result.Label![i] == WaveLabels.Qrs;
                if (result.Signal[i] > 0.8) Assert.True(QrsNear(result.Label, i, true), $"call {call}, sample {i}: signal {result.Signal[i]:F3} but no QRS label within 1 sample");
                if (result.Signal[i] < 0.2) Assert.True(QrsNear(result.Label, i, false), $"call {call}, sample {i}: signal {result.Signal[i]:F3} but QRS labels all around");
                if (result.Signal[i] > 0.5 != labelQrs) mismatches++;
            }
            int qrsRuns = CountRuns(result.Label!, WaveLabels.Qrs);
            Assert.True(mismatches <= 2 * qrsRuns, $"call {call}: {mismatches} threshold mismatches for {qrsRuns} QRS complexes");
            totalMismatches += mismatches;
            totalBoundaries += 2 * qrsRuns;
        }

        // And on average far fewer than one boundary in three is off by a sample (a label shifted by one would be off at every boundary)
        output.WriteLine($"{totalMismatches} threshold mismatches at {totalBoundaries} QRS boundaries");
        Assert.True(totalMismatches < totalBoundaries / 3.0, $"{totalMismatches} mismatches at {totalBoundaries} boundaries");
    }

    [Fact]
    public void Should_Reproduce_Reference_Scale_Padding_And_Background_Statistics()
    {
        // Given the reference lead and the configured weak augmentation
        double[] signal = TransformFixtures.StandardizedSignal();
        byte[] mask = TransformFixtures.Mask();
        var facts = TransformFixtures.Json("augmentation_facts.json").GetProperty("RandomResizeCrop_scale");
        var crop = new RandomResizeCrop(2500, 0.5, 2.0);
        var random = new SeededRandom(2024);
        int n = TransformFixtures.FactsCalls;
        var scales = new double[n];
        var zeroShares = new double[n];
        var backgroundShares = new double[n];

        // When it runs 2,000 times
        for (int c = 0; c < n; c++)
        {
            var state = random.GetState();
            (int size, _) = crop.DrawResizeAndStart(2500, random);
            random.SetState(state);
            EcgView result = crop.Apply(new EcgView(signal, mask), random);
            scales[c] = size / 2500.0;
            zeroShares[c] = result.Signal.Count(v => v == 0.0) / 2500.0;
            backgroundShares[c] = result.Label!.Count(v => v == WaveLabels.Background) / 2500.0;
        }

        // Then scale mean/std/fraction below 1, padding share and background share match theory and the reference
        double scaleStd = facts.GetProperty("theoretical").GetProperty("std").GetDouble();
        AssertMean(scales, 1.25, scaleStd, "scale (theory)");
        AssertMean(scales, facts.GetProperty("stats").GetProperty("mean").GetDouble(), scaleStd, "scale (reference)", twoSamples: true);
        Assert.Equal(scaleStd, Std(scales), 0.03);
        double below = scales.Count(s => s < 1) / (double)n;
        double binomialStd = Math.Sqrt(1.0 / 3 * 2.0 / 3);
        AssertMean([below], 1.0 / 3, binomialStd, "fraction below 1", count: n);
        var zeros = facts.GetProperty("output_fraction_exact_zero_samples");
        AssertMean(zeroShares, zeros.GetProperty("mean").GetDouble(), zeros.GetProperty("std").GetDouble(), "padding share", twoSamples: true);
        var background = facts.GetProperty("output_label_background_fraction");
        AssertMean(backgroundShares, background.GetProperty("mean").GetDouble(), background.GetProperty("std").GetDouble(), "background share", twoSamples: true);
        Assert.True(scales.Min() >= 0.5 && scales.Max() < 2.0);
    }

    [Fact]
    public void Should_Center_Short_Content_And_Pad_Label_With_Configured_Value()
    {
        // Given a 10-sample constant signal labelled P and a crop that shrinks it to 5 samples
        var view = new EcgView(Enumerable.Repeat(1.0, 10).ToArray(), Enumerable.Repeat(WaveLabels.P, 10).ToArray());
        var crop = new RandomResizeCrop(10, 0.5, 0.5, labelPadValue: WaveLabels.Ignore);

        // When applied with size 5 (pad 5: 2 left, 3 right)
        EcgView result = crop.ApplyWithDraws(view, 5, 0);

        // Then the content sits at [2, 7) and the padding is 0 in the signal and the configured value in the label
        Assert.Equal([0, 0, 1, 1, 1, 1, 1, 0, 0, 0], result.Signal.Select(v => Math.Round(v, 12)).ToArray());
        Assert.Equal([255, 255, 1, 1, 1, 1, 1, 255, 255, 255], result.Label!.Select(v => (int)v).ToArray());
    }

    [Fact]
    public void Should_Reject_Out_Of_Range_Parameters_And_Draws()
    {
        Assert.Throws<TransformArgumentException>(() => new RandomResizeCrop(2500, 2.0, 0.5));
        Assert.Throws<TransformArgumentException>(() => new RandomResizeCrop(0));
        Assert.Throws<TransformArgumentException>(() => new RandomResizeCrop(2500, 0.0, 1.0));
        var crop = new RandomResizeCrop(10);
        var view = new EcgView(new double[10]);
        Assert.Throws<ArgumentOutOfRangeException>(() => crop.ApplyWithDraws(view, 12, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => crop.ApplyWithDraws(view, 8, 1));
    }

    /// <summary>Whether sample i or a neighbour is (<paramref name="qrs"/> = true) or is not (false) labelled QRS.</summary>
    private static bool QrsNear(byte[] label, int i, bool qrs)
    {
        for (int k = Math.Max(0, i - 1); k <= Math.Min(label.Length - 1, i + 1); k++)
        {
            if ((label[k] == WaveLabels.Qrs) == qrs) return true;
        }
        return false;
    }

    private static int CountRuns(byte[] label, byte value)
    {
        int runs = 0;
        for (int i = 0; i < label.Length; i++)
        {
            if (label[i] == value && (i == 0 || label[i - 1] != value)) runs++;
        }
        return runs;
    }

    private static double Std(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
    }

    /// <summary>|mean − expected| within 4 standard errors (of the difference of two samples when comparing to the reference's own 2,000 draws).</summary>
    private void AssertMean(double[] values, double expected, double std, string what, bool twoSamples = false, int? count = null)
    {
        int n = count ?? values.Length;
        double tolerance = 4 * std / Math.Sqrt(n) * (twoSamples ? Math.Sqrt(2) : 1) + 1e-9;
        double mean = values.Average();
        output.WriteLine($"{what}: {mean:F4} vs {expected:F4} (tolerance {tolerance:F4})");
        Assert.True(Math.Abs(mean - expected) < tolerance, $"{what}: mean {mean} vs {expected}, tolerance {tolerance}");
    }
}
