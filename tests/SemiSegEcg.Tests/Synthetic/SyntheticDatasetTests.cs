using SemiSegEcg.Synthetic;

namespace SemiSegEcg.Tests.Synthetic;

[Trait(Category.Trait, Category.Unit)]
public sealed class SyntheticDatasetTests
{
    private static readonly SyntheticEcgOptions Options = new() { SamplingRateHz = 250, LeadCount = 4 };

    [Fact]
    public void Should_Yield_Every_Lead_Of_Every_Record_As_A_Sample_Of_Its_Subject()
    {
        var samples = SyntheticDataset.Generate(3, Options, seed: 9).ToList();

        Assert.Equal(12, samples.Count);
        Assert.Equal(12, samples.Select(s => s.Name).Distinct().Count());
        Assert.Equal(3, samples.Select(s => s.SubjectId).Distinct().Count());
        for (int i = 0; i < 3; i++)
        {
            // Then record i is the generator's record with the published seed, converted to float
            var ecg = SyntheticEcgGenerator.Generate(Options, SyntheticDataset.RecordSeed(9, i));
            var ofRecord = samples.Skip(4 * i).Take(4).ToList();
            Assert.All(ofRecord, s => Assert.Equal(SyntheticDataset.SubjectId(9, i), s.SubjectId));
            Assert.All(ofRecord, s => Assert.Equal(250, s.SamplingRateHz));
            for (int lead = 0; lead < 4; lead++)
            {
                Assert.Equal($"{SyntheticDataset.SubjectId(9, i)}-{ecg.LeadNames[lead]}", ofRecord[lead].Name);
                Assert.Equal(ecg.Mask, ofRecord[lead].Label);
                Assert.Equal(ecg.Leads[lead].Select(v => (float)v), ofRecord[lead].Signal);
            }
        }
        // Each sample owns its label, so augmenting one cannot change another.
        Assert.NotSame(samples[0].Label, samples[1].Label);
    }

    [Fact]
    public void Should_Be_Deterministic_Per_Seed()
    {
        var first = SyntheticDataset.Generate(2, Options, seed: 4).ToList();
        var again = SyntheticDataset.Generate(2, Options, seed: 4).ToList();
        var other = SyntheticDataset.Generate(2, Options, seed: 5).ToList();

        Assert.Equal(first.Select(s => s.Signal), again.Select(s => s.Signal));
        Assert.Equal(first.Select(s => s.Label), again.Select(s => s.Label));
        Assert.NotEqual(first[0].Signal, other[0].Signal);
        Assert.Empty(first.Select(s => s.SubjectId).Intersect(other.Select(s => s.SubjectId)));
    }

    [Fact]
    public void Should_Reject_A_Negative_Count_Or_Invalid_Options_At_The_Call()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDataset.Generate(-1, Options, 1));
        Assert.Throws<ArgumentException>(() => SyntheticDataset.Generate(1, Options with { DurationSeconds = 0 }, 1));
        Assert.Empty(SyntheticDataset.Generate(0, Options, 1));
    }
}
