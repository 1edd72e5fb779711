using SemiSegEcg.Data;
using SemiSegEcg.Delineation;
using SemiSegEcg.Synthetic;
using static SemiSegEcg.Tests.Delineation.DelineationTestData;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class WaveExtractorTests
{
    private const byte B = WaveLabels.Background, P = WaveLabels.P, Q = WaveLabels.Qrs, T = WaveLabels.T;

    [Fact]
    public void Should_Recover_Every_Complete_Wave_Exactly_When_Fed_The_True_Synthetic_Mask()
    {
        var ecg = Record(seed: 31, leads: 2, premature: 0.2);
        var extractor = new WaveExtractor();
        var filtered = new EcgBandPass(ecg.SamplingRateHz).Apply(ecg.Leads[1]);

        var waves = extractor.Extract(extractor.Clean(ecg.Mask, ecg.SamplingRateHz), filtered);

        int last = ecg.LengthSamples - 1;
        var expected = ecg.Beats
            .SelectMany(b => new[] { (WaveKind.P, b.P), (WaveKind.Qrs, (SyntheticWave?)b.Qrs), (WaveKind.T, (SyntheticWave?)b.T) })
            .Where(x => x.Item2 is { } w && w.OnsetSample > 0 && w.OffsetSample < last)
            .Select(x => (x.Item1, x.Item2!.OnsetSample, x.Item2.OffsetSample))
            .OrderBy(x => x.OnsetSample)
            .ToList();
        Assert.True(expected.Count >= 20, $"only {expected.Count} waves in the test record");
        Assert.Equal(expected, waves.Select(w => (w.Kind, w.Onset, w.Offset)));
        Assert.All(waves, w => Assert.InRange(w.Peak, w.Onset, w.Offset));
    }

    [Fact]
    public void Should_Put_P_And_T_Peaks_Near_The_True_Apex_When_The_Beats_Are_Sinus()
    {
        var ecg = Record(seed: 32, leads: 2);
        var extractor = new WaveExtractor();
        var filtered = new EcgBandPass(ecg.SamplingRateHz).Apply(ecg.Leads[1]);

        var waves = extractor.Extract(ecg.Mask, filtered);

        foreach (var beat in ecg.Beats.Where(b => b.IsComplete))
        {
            var p = Assert.Single(waves, w => w.Kind == WaveKind.P && w.Onset == beat.P!.OnsetSample);
            var t = Assert.Single(waves, w => w.Kind == WaveKind.T && w.Onset == beat.T.OnsetSample);
            // 10 samples = 20 ms: noise and the band-pass move a flat apex a little.
            Assert.InRange(p.Peak - beat.P!.PeakSample, -10, 10);
            Assert.InRange(t.Peak - beat.T.PeakSample, -10, 10);
        }
    }

    [Fact]
    public void Should_Merge_Short_Gaps_And_Drop_Tiny_Runs_When_Cleaning()
    {
        // 250 Hz: one sample is 4 ms. Minimums 20 / 20 / 40 ms, gaps under 10 ms merge.
        byte[] labels = Labels(
            (B, 10), (P, 4), (B, 10),              // 12-ms P: dropped
            (Q, 8), (T, 2), (Q, 8), (B, 10),        // 8-ms T flicker inside a QRS: merged into one QRS
            (Q, 8), (B, 3), (Q, 8), (B, 10),        // 12-ms gap: two QRS
            (Q, 8), (T, 8), (B, 10),                // 28-ms T after a QRS: background
            (T, 20), (P, 2), (T, 20), (B, 10),      // 8-ms P inside a T: merged into one T
            (Q, 6), (T, 3), (Q, 6), (B, 10));       // 12-ms T between QRS halves: not a gap, but too short → QRS

        byte[] cleaned = new WaveExtractor().Clean(labels, 250);

        byte[] expected = Labels(
            (B, 24),
            (Q, 18), (B, 10),
            (Q, 8), (B, 3), (Q, 8), (B, 10),
            (Q, 8), (B, 18),
            (T, 42), (B, 10),
            (Q, 15), (B, 10));
        Assert.Equal(expected, cleaned);
    }

    [Fact]
    public void Should_Keep_Runs_At_The_Minimum_When_Thresholds_Are_Options()
    {
        byte[] labels = Labels((B, 5), (P, 6), (B, 5));

        // 6 samples at 250 Hz = 20 ms from onset to offset: kept; a stricter option drops it.
        Assert.Equal(labels, new WaveExtractor().Clean(labels, 250));
        Assert.DoesNotContain(P, new WaveExtractor(new WaveExtractionOptions { MinPDurationMs = 24 }).Clean(labels, 250));
    }

    [Fact]
    public void Should_Skip_Runs_That_Touch_The_Record_Edges_When_Extracting()
    {
        byte[] labels = Labels((Q, 10), (B, 10), (P, 10), (B, 5), (Q, 10), (B, 10), (T, 30));
        var signal = new double[labels.Length];

        var waves = new WaveExtractor().Extract(labels, signal);

        Assert.Equal([(WaveKind.P, 20, 29), (WaveKind.Qrs, 35, 44)], waves.Select(w => (w.Kind, w.Onset, w.Offset)));
    }

    [Fact]
    public void Should_Find_The_Largest_Deflection_And_The_Apex_Against_A_Sloping_Baseline()
    {
        byte[] labels = Labels((B, 10), (Q, 10), (B, 10), (T, 21), (B, 10));
        var x = new double[labels.Length];
        for (int i = 0; i < x.Length; i++) x[i] = 0.01 * i;   // baseline drift
        x[13] += 0.8;                                         // R
        x[17] -= 1.2;                                         // deeper S
        for (int i = 30; i <= 50; i++) x[i] -= 0.3 * Math.Exp(-Math.Pow((i - 38) / 4.0, 2)); // inverted T, apex at 38

        var waves = new WaveExtractor().Extract(labels, x);

        Assert.Equal(17, waves[0].Peak);
        Assert.Equal(38, waves[1].Peak);
    }

    private static byte[] Labels(params (byte Label, int Count)[] runs) =>
        runs.SelectMany(r => Enumerable.Repeat(r.Label, r.Count)).ToArray();
}
