using SemiSegEcg.Delineation;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Delineation;

/// <summary>
/// The rhythm rule that drops P waves where the atrial activity does not drive the ventricles: on hand-made wave lists
/// at 500 Hz (2 ms a sample), beats every 400 samples with the QRS at 200–250 of each.
/// </summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class AtrialActivityGateTests
{
    private const double Fs = 500;
    private readonly AtrialActivityGate _gate = new(new AtrialActivityOptions(), new BeatAssemblyOptions());

    [Fact]
    public void Should_Count_Every_Beat_As_Coupled_When_One_P_Precedes_Each_QRS_At_A_Steady_PR()
    {
        var waves = Beats(10, beat => [P(beat, -80)]);

        Assert.Equal(1.0, _gate.LeadCoupledFraction(waves, Fs));
        Assert.False(_gate.DropsPWaves(_gate.CoupledFraction([waves], Fs)));
    }

    [Fact]
    public void Should_Not_Count_Beats_With_Two_Flutter_Waves_Before_The_QRS()
    {
        // Given: 2:1 flutter drawn as two P-like waves per beat, six of ten beats
        var waves = Beats(10, beat => beat < 6 ? [P(beat, -130), P(beat, -80)] : [P(beat, -80)]);

        Assert.Equal(0.4, _gate.LeadCoupledFraction(waves, Fs));
        Assert.True(_gate.DropsPWaves(0.4));
    }

    [Fact]
    public void Should_Count_Only_Beats_Whose_PR_Lies_Within_The_Tolerance_Of_The_Median()
    {
        // Given: PR of 160 ms in six beats; 60 ms off (beyond the 40-ms tolerance) in four, as with fibrillatory waves
        var waves = Beats(10, beat => [P(beat, beat % 5 < 3 ? -80 : -50)]);

        Assert.Equal(0.6, _gate.LeadCoupledFraction(waves, Fs));
        Assert.False(_gate.DropsPWaves(0.6));
        Assert.True(_gate.DropsPWaves(0.59));
    }

    [Fact]
    public void Should_Score_A_Lead_Without_P_Waves_Zero_And_A_Lead_Without_QRS_Not_At_All()
    {
        Assert.Equal(0.0, _gate.LeadCoupledFraction(Beats(5, _ => []), Fs));
        Assert.Null(_gate.LeadCoupledFraction([new Wave(WaveKind.P, 10, 20, 30)], Fs));
        Assert.Null(_gate.CoupledFraction([[new Wave(WaveKind.T, 10, 20, 30)]], Fs));
        Assert.False(_gate.DropsPWaves(null));
    }

    [Fact]
    public void Should_Decide_By_The_Median_Lead_So_One_Noisy_Lead_Cannot_Drop_The_Others_P_Waves()
    {
        var good = Beats(10, beat => [P(beat, -80)]);
        var noisy = Beats(10, _ => []);

        Assert.Equal(1.0, _gate.CoupledFraction([good, good, noisy], Fs));
        Assert.Equal(0.5, _gate.CoupledFraction([good, noisy], Fs));
    }

    [Fact]
    public void Should_Keep_The_P_Waves_When_Disabled_Whatever_The_Score()
    {
        var off = new AtrialActivityGate(new AtrialActivityOptions { Enabled = false }, new BeatAssemblyOptions());

        Assert.False(off.DropsPWaves(0.0));
    }

    [Theory]
    [InlineData(-1, 0.6, "PrToleranceMs is -1")]
    [InlineData(40, 1.5, "MinCoupledFraction is 1.5")]
    [InlineData(40, double.NaN, "MinCoupledFraction is NaN")]
    public void Should_Refuse_Options_Out_Of_Range_Naming_The_Setting(double toleranceMs, double fraction, string expected)
    {
        var options = new AtrialActivityOptions { PrToleranceMs = toleranceMs, MinCoupledFraction = fraction };

        var error = Assert.Throws<ArgumentException>(() => new AtrialActivityGate(options, new BeatAssemblyOptions()));

        Assert.Contains(expected, error.Message);
    }

    /// <summary>A P wave 40 samples long ending <paramref name="offsetBeforeQrs"/> samples before the beat's QRS onset.</summary>
    private static Wave P(int beat, int offsetBeforeQrs)
    {
        int qrsOnset = beat * 400 + 200;
        int offset = qrsOnset + offsetBeforeQrs;
        return new Wave(WaveKind.P, offset - 40, offset - 20, offset);
    }

    private static List<Wave> Beats(int count, Func<int, Wave[]> pWaves)
    {
        var waves = new List<Wave>();
        for (int beat = 0; beat < count; beat++)
        {
            waves.AddRange(pWaves(beat));
            waves.Add(new Wave(WaveKind.Qrs, beat * 400 + 200, beat * 400 + 220, beat * 400 + 250));
        }
        return waves;
    }
}
