using SemiSegEcg.Data;
using SemiSegEcg.Delineation;
using static SemiSegEcg.Tests.Delineation.DelineationTestData;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class LeadConsensusTests
{
    [Fact]
    public void Should_Equal_Each_Lead_When_All_Leads_Are_Identical()
    {
        var ecg = Record(seed: 51, leads: 2);
        var truth250 = Record(seed: 51, samplingRateHz: 250, leads: 1).Mask;
        var input = new RecordingInput("same", ecg.SamplingRateHz, ["I", "II", "III"], [ecg.Leads[1], ecg.Leads[1], ecg.Leads[1]], "same.test");
        var delineator = new Delineator(ScriptedPredictor.FromTruth([truth250, truth250, truth250]).Predict);

        var result = delineator.Delineate(input);

        var consensus = Assert.IsType<LeadDelineation>(result.Consensus);
        Assert.Equal(LeadDelineation.ConsensusName, consensus.Lead);
        foreach (var lead in result.Leads)
        {
            Assert.Equal(lead.Labels, consensus.Labels);
            Assert.Equal(lead.Waves, consensus.Waves);
            Assert.Equal(lead.Beats, consensus.Beats);
        }
        Assert.Equal(consensus.Summary, result.Summary);
        Assert.True(consensus.Beats.Count >= 8);
    }

    [Fact]
    public void Should_Let_A_Confident_Lead_Outvote_A_Hesitant_One_When_Averaging_Probabilities()
    {
        // Two leads, 3 samples, class-major. Sample 0: A sure of P, B mildly QRS. Sample 1: both T. Sample 2: a tie.
        //             background          P                QRS                 T
        float[] a = [0.05f, 0f, 0.5f, 0.9f, 0f, 0.5f, 0.05f, 0.1f, 0f, 0f, 0.9f, 0f];
        float[] b = [0.3f, 0f, 0.25f, 0f, 0f, 0.25f, 0.4f, 0.1f, 0.25f, 0.3f, 0.9f, 0.25f];

        byte[] labels = LeadConsensus.MeanProbabilityLabels([a, b], 3);

        Assert.Equal([WaveLabels.P, WaveLabels.T, WaveLabels.Background], labels);
    }

    [Fact]
    public void Should_Take_The_Majority_Label_Per_Sample_When_Combining_Plain_Labels()
    {
        byte[] a = [0, 1, 2, 3, 255], b = [0, 1, 2, 2, 255], c = [1, 2, 3, 3, 3];

        byte[] labels = LeadConsensus.MajorityVote([a, b, c]);

        Assert.Equal([0, 1, 2, 3, 3], labels);
    }

    [Fact]
    public void Should_Take_Consensus_Peaks_On_Lead_II_Else_The_Largest_Lead()
    {
        double[] small = [0, 0.1, -0.1, 0.2, 0], large = [0, 1, -1, 2, 0];

        Assert.Equal(0, LeadConsensus.PeakLead(["ii", "V2"], [small, large]));
        Assert.Equal(1, LeadConsensus.PeakLead(["I", "V2"], [small, large]));
        Assert.Equal(0, LeadConsensus.PeakLead(["I", "V2"], [small, large], preferred: "i"));
        var error = Assert.Throws<ArgumentException>(() => LeadConsensus.PeakLead(["I", "V2"], [small, large], preferred: "aVF"));
        Assert.Contains("I, V2", error.Message);
    }

    [Fact]
    public void Should_Summarize_Consensus_Beats_And_Skip_The_Consensus_When_There_Is_One_Lead()
    {
        var ecg = Record(seed: 52, leads: 1);
        var post = new DelineationPostProcessor();

        var result = post.ProcessLabels(Input(ecg), [ecg.Mask]);

        Assert.Null(result.Consensus);
        Assert.Equal("I", result.Summary.Source);
        Assert.Equal(result.Leads[0].Beats.Count, result.Summary.BeatCount);
    }
}
