using SemiSegEcg.Delineation;
using SemiSegEcg.Synthetic;
using static SemiSegEcg.Tests.Delineation.DelineationTestData;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class BeatAssemblerTests
{
    [Fact]
    public void Should_Give_The_Synthetic_Intervals_Exactly_When_Fed_The_True_Mask()
    {
        var ecg = Record(seed: 41, leads: 2, premature: 0.2);
        var post = new DelineationPostProcessor(new DelineationOptions { IncludeConsensus = false });

        var lead = post.ProcessLabels(Input(ecg), [ecg.Mask, ecg.Mask]).Leads[1];

        var complete = ecg.Beats.Where(b => b.IsComplete).ToList();
        Assert.True(complete.Count >= 8);
        Assert.Contains(complete, b => b.Type == SyntheticBeatType.Premature);
        foreach (var truth in complete)
        {
            var beat = Assert.Single(lead.Beats, b => b.Qrs.Onset == truth.Qrs.OnsetSample);
            Assert.Equal(truth.PrMs, beat.PrMs);
            Assert.Equal(truth.QrsDurationMs, beat.QrsMs);
            Assert.Equal(truth.QtMs, beat.QtMs);
            Assert.Equal(truth.P?.OnsetSample, beat.P?.Onset);
            Assert.Equal(truth.T.OffsetSample, beat.T!.Offset);
        }
    }

    [Fact]
    public void Should_Give_The_Synthetic_Intervals_Within_One_Model_Sample_When_Labels_Come_Through_The_250_Hz_Model_Grid()
    {
        var ecg = Record(seed: 42, leads: 1);
        var truth250 = Record(seed: 42, samplingRateHz: 250, leads: 1).Mask;
        var delineator = new Delineator(ScriptedPredictor.FromTruth([truth250]).Predict);

        var lead = delineator.Delineate(Input(ecg)).Leads[0];

        foreach (var truth in ecg.Beats.Where(b => b.IsComplete))
        {
            var beat = Assert.Single(lead.Beats, b => Math.Abs(b.Qrs.Onset - truth.Qrs.OnsetSample) <= 1);
            Assert.InRange(beat.PrMs!.Value - truth.PrMs!.Value, -4, 4);
            Assert.InRange(beat.QrsMs - truth.QrsDurationMs, -4, 4);
            Assert.InRange(beat.QtMs!.Value - truth.QtMs, -4, 4);
        }
    }

    [Fact]
    public void Should_Assemble_Beats_Without_P_When_The_Rhythm_Is_Af_Like()
    {
        var ecg = Record(seed: 43, leads: 1, atrialFibrillation: 1);
        Assert.All(ecg.Beats, b => Assert.Null(b.P));

        var lead = new DelineationPostProcessor().ProcessLabels(Input(ecg), [ecg.Mask]).Leads[0];

        Assert.True(lead.Beats.Count >= 8);
        Assert.All(lead.Beats, b =>
        {
            Assert.Null(b.P);
            Assert.Null(b.PrMs);
            Assert.NotNull(b.RrMs);
        });
        Assert.All(lead.Beats.Where(b => b.T is not null), b => Assert.NotNull(b.QtcBazettMs));
        Assert.Null(lead.Summary.PrMs);
        Assert.NotNull(lead.Summary.QtMs);
    }

    [Fact]
    public void Should_Compute_Rr_Heart_Rate_And_Both_Qtc_Formulas_By_Hand()
    {
        // 1000 Hz so samples are ms. RR 729 ms then 640 ms: √0.729 = 0.853815, ∛0.729 = 0.9; √0.64 = 0.8, ∛0.64 = 0.861774.
        Wave[] waves =
        [
            new(WaveKind.P, 0, 40, 80), new(WaveKind.Qrs, 160, 200, 250), new(WaveKind.T, 300, 400, 520),
            new(WaveKind.P, 729, 769, 809), new(WaveKind.Qrs, 889, 920, 979), new(WaveKind.T, 1029, 1129, 1249),
            new(WaveKind.Qrs, 1529, 1560, 1619), new(WaveKind.T, 1669, 1769, 1889),
        ];

        var beats = new BeatAssembler().Assemble(waves, 1000);

        Assert.Equal(3, beats.Count);
        var (first, second, third) = (beats[0], beats[1], beats[2]);
        Assert.Equal(729, first.RrMs);                       // the first beat borrows the next interval
        Assert.Equal(729, second.RrMs);
        Assert.Equal(640, third.RrMs);
        Assert.Equal(60000 / 729.0, first.HeartRateBpm!.Value, 9);
        Assert.Equal(160, first.PrMs);
        Assert.Equal(90, first.QrsMs);
        Assert.Equal(360, first.QtMs);
        Assert.Equal(360 / Math.Sqrt(0.729), first.QtcBazettMs!.Value, 9);
        Assert.Equal(400, first.QtcFridericiaMs!.Value, 9);
        Assert.Null(third.P);
        Assert.Equal(360, third.QtMs);
        Assert.Equal(450, third.QtcBazettMs!.Value, 9);
        Assert.Equal(360 / Math.Cbrt(0.64), third.QtcFridericiaMs!.Value, 9);
        Assert.Equal(1, second.Index);
    }

    [Fact]
    public void Should_Leave_Waves_Out_Of_A_Beat_When_They_Lie_Outside_The_Search_Windows()
    {
        Wave[] waves =
        [
            new(WaveKind.P, 0, 20, 40),                                  // ends 360 ms before the QRS: too early
            new(WaveKind.Qrs, 400, 420, 480),
            new(WaveKind.T, 1200, 1300, 1400),                           // starts 720 ms after the QRS: too late
        ];

        var beat = Assert.Single(new BeatAssembler().Assemble(waves, 1000));

        Assert.Null(beat.P);
        Assert.Null(beat.T);
        Assert.Null(beat.RrMs);
        Assert.Null(beat.HeartRateBpm);
        Assert.Null(beat.QtcBazettMs);
        var wider = new BeatAssembler(new BeatAssemblyOptions { MaxPOffsetToQrsOnsetMs = 400, MaxQrsOffsetToTOnsetMs = 800 }).Assemble(waves, 1000);
        Assert.NotNull(wider[0].P);
        Assert.NotNull(wider[0].T);
    }

    [Fact]
    public void Should_Not_Give_A_T_Wave_To_A_Beat_When_The_Next_Qrs_Comes_First()
    {
        Wave[] waves = [new(WaveKind.Qrs, 100, 120, 180), new(WaveKind.Qrs, 400, 420, 480), new(WaveKind.T, 520, 600, 700)];

        var beats = new BeatAssembler().Assemble(waves, 1000);

        Assert.Null(beats[0].T);
        Assert.Equal(520, beats[1].T!.Onset);
    }

    [Fact]
    public void Should_Take_Numpy_Medians_When_Summarizing()
    {
        Wave[] waves =
        [
            new(WaveKind.Qrs, 0, 5, 80), new(WaveKind.Qrs, 1000, 1005, 1100), new(WaveKind.Qrs, 1800, 1805, 1890),
            new(WaveKind.Qrs, 2500, 2505, 2600),
        ];

        var summary = RecordSummary.FromBeats("x", new BeatAssembler().Assemble(waves, 1000).ToList());

        Assert.Equal(4, summary.BeatCount);
        Assert.Equal(95, summary.QrsMs);                     // 80, 100, 90, 100 → mean of 90 and 100
        Assert.Equal(900, summary.RrMs);                     // 1000, 1000, 800, 700 → (800 + 1000) / 2
        Assert.Null(summary.QtMs);
    }
}
