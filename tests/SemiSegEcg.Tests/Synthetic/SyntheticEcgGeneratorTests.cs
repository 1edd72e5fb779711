using SemiSegEcg.Data;
using SemiSegEcg.Synthetic;

namespace SemiSegEcg.Tests.Synthetic;

[Trait(Category.Trait, Category.Unit)]
public sealed class SyntheticEcgGeneratorTests
{
    private static readonly SyntheticEcgOptions Default = new();

    /// <summary>More PVCs and AF than the defaults, so that a few dozen records exercise every beat type.</summary>
    private static readonly SyntheticEcgOptions Varied = new() { PrematureBeatProbability = 0.15, AtrialFibrillationProbability = 0.2 };

    private static IEnumerable<SyntheticEcg> Records(SyntheticEcgOptions options, int count, long firstSeed = 1) =>
        Enumerable.Range(0, count).Select(i => SyntheticEcgGenerator.Generate(options, firstSeed + i));

    [Fact]
    public void Should_Reproduce_The_Record_Exactly_When_The_Seed_Is_The_Same()
    {
        var first = SyntheticEcgGenerator.Generate(Varied, 42);

        var second = SyntheticEcgGenerator.Generate(Varied, 42);

        Assert.Equal(first.Mask, second.Mask);
        Assert.Equal(first.Beats, second.Beats);
        Assert.Equal(first.SnrDb, second.SnrDb);
        for (int lead = 0; lead < first.Leads.Length; lead++)
        {
            Assert.Equal(first.Leads[lead], second.Leads[lead]);
            Assert.Equal(first.CleanLeads[lead], second.CleanLeads[lead]);
        }
    }

    [Fact]
    public void Should_Give_Different_Records_When_Seeds_Differ()
    {
        var a = SyntheticEcgGenerator.Generate(Default, 1);

        var b = SyntheticEcgGenerator.Generate(Default, 2);

        Assert.NotEqual(a.Mask, b.Mask);
        Assert.NotEqual(a.Leads[0], b.Leads[0]);
        Assert.NotEqual(a.Beats.Select(x => x.RrMs), b.Beats.Select(x => x.RrMs));
    }

    [Fact]
    public void Should_Name_The_Standard_Leads_In_Order()
    {
        var twelve = SyntheticEcgGenerator.Generate(Default, 3);
        var three = SyntheticEcgGenerator.Generate(Default with { LeadCount = 3 }, 3);

        Assert.Equal(["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"], twelve.LeadNames);
        Assert.Equal(["I", "II", "III"], three.LeadNames);
        Assert.Equal(3, three.Leads.Length);
        Assert.All(twelve.Leads, lead => Assert.Equal(5000, lead.Length));
        Assert.Equal(5000, twelve.Mask.Length);
        // The lead count changes neither the rhythm nor the shared leads.
        Assert.Equal(twelve.Mask, three.Mask);
        Assert.Equal(twelve.CleanLeads[2], three.CleanLeads[2]);
    }

    [Fact]
    public void Should_Obey_Einthoven_And_Goldberger_In_The_Clean_Limb_Leads()
    {
        var ecg = SyntheticEcgGenerator.Generate(Default, 5);
        var c = ecg.CleanLeads;

        for (int n = 0; n < ecg.LengthSamples; n++)
        {
            Assert.Equal(c[1][n] - c[0][n], c[2][n], 1e-9);
            Assert.Equal(-(c[0][n] + c[1][n]) / 2, c[3][n], 1e-9);
            Assert.Equal(c[0][n] - c[1][n] / 2, c[4][n], 1e-9);
            Assert.Equal(c[1][n] - c[0][n] / 2, c[5][n], 1e-9);
        }
    }

    [Theory]
    [InlineData(500, 45, 130)]
    [InlineData(250, 30, 60)]
    [InlineData(250, 120, 140)]
    [InlineData(100, 45, 140)]
    public void Should_Order_P_Qrs_T_With_Background_Between_Every_Wave(double samplingRateHz, double minBpm, double maxBpm)
    {
        var options = Varied with { SamplingRateHz = samplingRateHz, MinHeartRateBpm = minBpm, MaxHeartRateBpm = maxBpm };

        foreach (var ecg in Records(options, 25))
        {
            var waves = new List<SyntheticWave>();
            foreach (var beat in ecg.Beats)
            {
                Assert.Equal(beat.Type == SyntheticBeatType.Normal, beat.P is not null);
                if (beat.P is { } p) waves.Add(p);
                waves.Add(beat.Qrs);
                waves.Add(beat.T);
            }
            // Then every wave has its peak inside and ends at least one background sample before the next begins
            for (int i = 0; i < waves.Count; i++)
            {
                Assert.InRange(waves[i].PeakSample, waves[i].OnsetSample, waves[i].OffsetSample);
                if (i + 1 < waves.Count) Assert.True(waves[i].OffsetSample + 1 < waves[i + 1].OnsetSample, $"waves {i} and {i + 1} touch");
            }
            var labels = MaskRun.Of(ecg.Mask).Where(r => r.Label != WaveLabels.Background).Select(r => r.Label).ToList();
            var expected = ecg.Beats.SelectMany(b => b.P is null ? new[] { WaveLabels.Qrs, WaveLabels.T } : [WaveLabels.P, WaveLabels.Qrs, WaveLabels.T]);
            Assert.Equal(expected.Skip(FirstVisibleWave(ecg)).Take(labels.Count), labels);
        }
    }

    [Theory]
    [InlineData(500)]
    [InlineData(250)]
    public void Should_Have_A_Mask_Run_For_Exactly_The_Visible_Part_Of_Every_Reported_Wave(double samplingRateHz)
    {
        foreach (var ecg in Records(Varied with { SamplingRateHz = samplingRateHz }, 30))
        {
            var expected = new List<MaskRun>();
            foreach (var beat in ecg.Beats)
            {
                if (beat.P is { } p) AddClipped(expected, WaveLabels.P, p, ecg.LengthSamples);
                AddClipped(expected, WaveLabels.Qrs, beat.Qrs, ecg.LengthSamples);
                AddClipped(expected, WaveLabels.T, beat.T, ecg.LengthSamples);
            }

            var actual = MaskRun.Of(ecg.Mask).Where(r => r.Label != WaveLabels.Background).ToList();

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Should_Report_The_Intervals_Measured_On_The_Mask_Within_Physiological_Ranges()
    {
        foreach (var ecg in Records(Varied, 40))
        {
            double msPerSample = 1000 / ecg.SamplingRateHz;
            var runs = MaskRun.Of(ecg.Mask);
            foreach (var beat in ecg.Beats.Where(b => b.IsComplete))
            {
                // Given the mask runs of this beat, found by position alone
                var qrs = runs.Single(r => r.Label == WaveLabels.Qrs && r.First <= beat.Qrs.PeakSample && beat.Qrs.PeakSample <= r.Last);
                int index = runs.IndexOf(qrs);
                var t = runs[index + 2];
                MaskRun? p = index >= 2 ? runs[index - 2] : null;

                // Then the reported intervals are those of the mask
                Assert.Equal(WaveLabels.Background, runs[index + 1].Label);
                Assert.Equal(WaveLabels.T, t.Label);
                Assert.Equal((qrs.Last - qrs.First) * msPerSample, beat.QrsDurationMs, 1e-9);
                Assert.Equal((t.Last - qrs.First) * msPerSample, beat.QtMs, 1e-9);
                if (beat.Type == SyntheticBeatType.Normal)
                {
                    Assert.Equal(WaveLabels.P, p?.Label);
                    Assert.Equal(WaveLabels.Background, runs[index - 1].Label);
                    Assert.Equal((qrs.First - p!.Value.First) * msPerSample, beat.PrMs!.Value, 1e-9);
                    Assert.InRange(beat.PrMs.Value, 120 - msPerSample, 200 + msPerSample);
                    Assert.InRange(beat.QrsDurationMs, 70 - msPerSample, 110 + msPerSample);
                }
                else
                {
                    Assert.NotEqual(WaveLabels.P, p?.Label);
                    Assert.Null(beat.PrMs);
                }
                if (beat.Type == SyntheticBeatType.Premature) Assert.InRange(beat.QrsDurationMs, 120 - msPerSample, 170 + msPerSample);
                if (beat.Type == SyntheticBeatType.NoP) Assert.InRange(beat.QrsDurationMs, 70 - msPerSample, 110 + msPerSample);
            }
        }
    }

    [Fact]
    public void Should_Follow_The_Heart_Rate_With_A_QTc_Between_380_And_460_Ms()
    {
        int checkedBeats = 0;
        foreach (var ecg in Records(Default with { PrematureBeatProbability = 0, AtrialFibrillationProbability = 0 }, 30))
        {
            double msPerSample = 1000 / ecg.SamplingRateHz;
            foreach (var beat in ecg.Beats.Where(b => b.IsComplete))
            {
                double rrSeconds = beat.RrMs / 1000;
                // Bazett on the beat's own RR; the rounding of QT and RR to samples allows a little slack.
                double qtcMs = beat.QtMs / Math.Sqrt(rrSeconds);
                Assert.InRange(qtcMs, 380 - 2 * msPerSample, 460 + 2 * msPerSample);
                checkedBeats++;
            }
        }
        Assert.True(checkedBeats > 200);
    }

    [Theory]
    [InlineData(45, 130)]
    [InlineData(60, 60)]
    [InlineData(100, 140)]
    [InlineData(30, 40)]
    public void Should_Keep_Every_Sinus_And_AF_Interval_In_The_Requested_Heart_Rate_Range(double minBpm, double maxBpm)
    {
        var options = Varied with { MinHeartRateBpm = minBpm, MaxHeartRateBpm = maxBpm };
        int checkedBeats = 0;
        foreach (var ecg in Records(options, 25))
        {
            double msPerSample = 1000 / ecg.SamplingRateHz;
            for (int i = 1; i < ecg.Beats.Count; i++)
            {
                var (previous, beat) = (ecg.Beats[i - 1], ecg.Beats[i]);
                // A premature beat and the compensatory pause after it are not sinus intervals.
                if (beat.Type == SyntheticBeatType.Premature || previous.Type == SyntheticBeatType.Premature) continue;
                Assert.InRange(beat.RrMs, 60_000 / maxBpm - msPerSample, 60_000 / minBpm + msPerSample);
                checkedBeats++;
            }
        }
        Assert.True(checkedBeats > 100);
    }

    [Fact]
    public void Should_Have_No_P_Waves_And_An_Irregular_Rhythm_When_The_Record_Is_AF_Like()
    {
        foreach (var ecg in Records(Default with { AtrialFibrillationProbability = 1 }, 10))
        {
            Assert.True(ecg.IsAtrialFibrillationLike);
            Assert.DoesNotContain(WaveLabels.P, ecg.Mask);
            Assert.Contains(WaveLabels.Qrs, ecg.Mask);
            Assert.All(ecg.Beats, b => Assert.Equal(SyntheticBeatType.NoP, b.Type));
            var rr = ecg.Beats.Select(b => b.RrMs).ToArray();
            double mean = rr.Average();
            double sd = Math.Sqrt(rr.Select(x => (x - mean) * (x - mean)).Average());
            Assert.True(sd / mean > 0.05, $"RR coefficient of variation {sd / mean:F3} is too regular for AF");
        }
        Assert.DoesNotContain(Records(Default with { AtrialFibrillationProbability = 0 }, 10), e => e.IsAtrialFibrillationLike);
    }

    [Fact]
    public void Should_Make_Premature_Beats_Wide_Early_And_With_A_Discordant_T()
    {
        var premature = 0;
        foreach (var ecg in Records(Default with { PrematureBeatProbability = 0.3, AtrialFibrillationProbability = 0 }, 15))
        {
            for (int i = 1; i + 1 < ecg.Beats.Count; i++)
            {
                var beat = ecg.Beats[i];
                if (beat.Type != SyntheticBeatType.Premature || !beat.IsComplete) continue;
                premature++;
                Assert.Null(beat.P);
                // Sample rounding may take up to one sample off a 120 ms QRS.
                Assert.True(beat.QrsDurationMs >= 120 - 1000 / ecg.SamplingRateHz, $"premature QRS of {beat.QrsDurationMs} ms");
                Assert.True(beat.RrMs < ecg.Beats[i + 1].RrMs, "premature beat is not followed by a compensatory pause");
                Assert.True(beat.RrMs < 0.9 * (beat.RrMs + ecg.Beats[i + 1].RrMs) / 2, "premature beat is not early");
                // In the lead where the QRS is largest, the T has the opposite sign.
                int lead = Enumerable.Range(0, ecg.CleanLeads.Length).MaxBy(l => Math.Abs(ecg.CleanLeads[l][beat.Qrs.PeakSample]));
                var signal = ecg.CleanLeads[lead];
                Assert.True(Math.Sign(signal[beat.Qrs.PeakSample]) != Math.Sign(signal[beat.T.PeakSample]), $"T is concordant in {ecg.LeadNames[lead]}");
            }
        }
        Assert.True(premature >= 5, $"only {premature} premature beats");
    }

    [Fact]
    public void Should_Put_The_R_Peak_On_The_Largest_Absolute_Value_Of_The_Qrs_In_The_Lead_With_The_Tallest_R()
    {
        foreach (var ecg in Records(Default with { PrematureBeatProbability = 0 }, 20))
        {
            foreach (var beat in ecg.Beats.Where(b => b.IsComplete))
            {
                int r = beat.Qrs.PeakSample;
                int lead = Enumerable.Range(0, ecg.CleanLeads.Length).MaxBy(l => ecg.CleanLeads[l][r]);
                var qrs = ecg.CleanLeads[lead].AsSpan(beat.Qrs.OnsetSample, beat.Qrs.OffsetSample - beat.Qrs.OnsetSample + 1);

                int largest = beat.Qrs.OnsetSample + IndexOfMaxAbs(qrs);

                Assert.True(ecg.CleanLeads[lead][r] > 0);
                // The peak is the R Gaussian's centre rounded to a sample; Q and S tails may move the sampled maximum by one.
                Assert.InRange(largest, r - 1, r + 1);
            }
        }
    }

    [Fact]
    public void Should_Give_Millivolt_Amplitudes_Like_A_Real_Ecg()
    {
        foreach (var ecg in Records(Default with { PrematureBeatProbability = 0 }, 20))
        {
            // The tallest R over the leads is 0.5–3 mV and no wave is implausibly large.
            double tallestR = ecg.Beats.Where(b => b.IsComplete).Select(b => ecg.CleanLeads.Max(l => l[b.Qrs.PeakSample])).Average();
            Assert.InRange(tallestR, 0.4, 3.5);
            Assert.All(ecg.CleanLeads, l => Assert.InRange(l.Max(Math.Abs), 0, 4));
        }
    }

    [Theory]
    [InlineData(20.0)]
    [InlineData(6.0)]
    public void Should_Add_Broadband_Noise_At_The_Configured_Snr(double snrDb)
    {
        var options = Default with { MinSnrDb = snrDb, MaxSnrDb = snrDb, BaselineWander = false, PowerlineInterference = false };

        foreach (var ecg in Records(options, 5))
        {
            Assert.Equal(snrDb, MeasuredSnrDb(ecg), 1e-6);
            Assert.Equal(snrDb, ecg.SnrDb);
        }
    }

    [Fact]
    public void Should_Draw_The_Snr_From_The_Range_And_Report_It()
    {
        var options = Default with { MinSnrDb = 10, MaxSnrDb = 30, BaselineWander = false, PowerlineInterference = false };

        var snrs = Records(options, 10).Select(e => (Reported: e.SnrDb, Measured: MeasuredSnrDb(e))).ToList();

        Assert.All(snrs, s => Assert.InRange(s.Reported, 10, 30));
        Assert.All(snrs, s => Assert.Equal(s.Reported, s.Measured, 1e-6));
        Assert.True(snrs.Max(s => s.Reported) - snrs.Min(s => s.Reported) > 5);
    }

    [Fact]
    public void Should_Add_Wander_And_Powerline_On_Top_Of_The_Broadband_Noise()
    {
        var quiet = Default with { MinSnrDb = 25, MaxSnrDb = 25, BaselineWander = false, PowerlineInterference = false };

        var plain = SyntheticEcgGenerator.Generate(quiet, 8);
        var wander = SyntheticEcgGenerator.Generate(quiet with { BaselineWander = true }, 8);
        var silent = SyntheticEcgGenerator.Generate(quiet with { MinSnrDb = double.PositiveInfinity, MaxSnrDb = double.PositiveInfinity }, 8);

        Assert.True(MeasuredSnrDb(wander) < 24, "baseline wander adds no power");
        Assert.Equal(silent.CleanLeads[1], silent.Leads[1]);
        // Noise options leave the cardiac signal and the mask alone.
        Assert.Equal(plain.CleanLeads[1], wander.CleanLeads[1]);
        Assert.Equal(plain.Mask, wander.Mask);
        Assert.Equal(plain.CleanLeads[1], silent.CleanLeads[1]);
    }

    [Fact]
    public void Should_Mark_Only_Cut_Edge_Beats_As_Ignore_When_The_Edge_Policy_Is_Ignore()
    {
        int cutBeats = 0;
        for (long seed = 1; seed <= 20; seed++)
        {
            var visible = SyntheticEcgGenerator.Generate(Varied, seed);
            var ignore = SyntheticEcgGenerator.Generate(Varied with { EdgePolicy = EdgeBeatPolicy.Ignore }, seed);

            Assert.DoesNotContain(WaveLabels.Ignore, visible.Mask);
            var expected = (byte[])visible.Mask.Clone();
            foreach (var beat in visible.Beats.Where(b => !b.IsComplete))
            {
                cutBeats++;
                int first = Math.Max(0, (beat.P ?? beat.Qrs).OnsetSample), last = Math.Min(expected.Length - 1, beat.T.OffsetSample);
                Assert.True(first == 0 || last == expected.Length - 1, "an incomplete beat must touch an edge");
                Array.Fill(expected, WaveLabels.Ignore, first, last - first + 1);
            }
            Assert.Equal(expected, ignore.Mask);
        }
        Assert.True(cutBeats >= 20, $"only {cutBeats} cut beats");
    }

    [Fact]
    public void Should_Reject_Invalid_Options_Naming_The_Field()
    {
        var tooFast = Assert.Throws<ArgumentException>(() => SyntheticEcgGenerator.Generate(Default with { MaxHeartRateBpm = 200 }, 1));
        var inverted = Assert.Throws<ArgumentException>(() => SyntheticEcgGenerator.Generate(Default with { MinSnrDb = 30, MaxSnrDb = 10 }, 1));
        var leads = Assert.Throws<ArgumentException>(() => SyntheticEcgGenerator.Generate(Default with { LeadCount = 13 }, 1));

        Assert.Contains("SyntheticEcgOptions.MaxHeartRateBpm is 200", tooFast.Message);
        Assert.Contains("MaxSnrDb", inverted.Message);
        Assert.Contains("LeadCount", leads.Message);
        Assert.Throws<ArgumentException>(() => SyntheticEcgGenerator.Generate(Default with { SamplingRateHz = double.NaN }, 1));
        Assert.Throws<ArgumentException>(() => SyntheticEcgGenerator.Generate(Default with { PrematureBeatProbability = 1.5 }, 1));
    }

    private static double MeasuredSnrDb(SyntheticEcg ecg)
    {
        double signal = 0, noise = 0;
        for (int lead = 0; lead < ecg.Leads.Length; lead++)
        {
            for (int n = 0; n < ecg.LengthSamples; n++)
            {
                double clean = ecg.CleanLeads[lead][n], residual = ecg.Leads[lead][n] - clean;
                signal += clean * clean;
                noise += residual * residual;
            }
        }
        return 10 * Math.Log10(signal / noise);
    }

    private static int IndexOfMaxAbs(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (Math.Abs(values[i]) > Math.Abs(values[best])) best = i;
        }
        return best;
    }

    private static void AddClipped(List<MaskRun> runs, byte label, SyntheticWave wave, int length)
    {
        int first = Math.Max(0, wave.OnsetSample), last = Math.Min(length - 1, wave.OffsetSample);
        if (first <= last) runs.Add(new MaskRun(label, first, last));
    }

    /// <summary>Index, in the beats' wave sequence, of the first wave with a sample inside the record.</summary>
    private static int FirstVisibleWave(SyntheticEcg ecg)
    {
        int index = 0;
        foreach (var beat in ecg.Beats)
        {
            foreach (var wave in new[] { beat.P, beat.Qrs, beat.T })
            {
                if (wave is null) continue;
                if (wave.OffsetSample >= 0) return index;
                index++;
            }
        }
        return index;
    }
}
