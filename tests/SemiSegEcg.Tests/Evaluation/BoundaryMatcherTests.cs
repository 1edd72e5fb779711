using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Unit)]
public sealed class BoundaryMatcherTests
{
    [Fact]
    public void Should_Match_Within_Inclusive_Tolerance_And_Count_The_Rest()
    {
        // Given truth onsets 100, 300 and predictions 104, 290, 500 with a 10-sample tolerance
        var match = BoundaryMatcher.Match([100, 300], [104, 290, 500], toleranceSamples: 10);

        // Then 104↔100 (+4) and 290↔300 (−10, on the edge) match; 500 is a false positive
        Assert.Equal(2, match.TruePositives);
        Assert.Equal(1, match.FalsePositives);
        Assert.Equal(0, match.FalseNegatives);
        Assert.Equal([4, -10], match.SignedErrorsSamples);
    }

    [Fact]
    public void Should_Match_One_To_One_When_Two_Predictions_Compete_For_One_Truth()
    {
        var match = BoundaryMatcher.Match([100], [98, 103], toleranceSamples: 10);

        // Then the nearer prediction (98) wins, the other is a false positive
        Assert.Equal(1, match.TruePositives);
        Assert.Equal(1, match.FalsePositives);
        Assert.Equal(0, match.FalseNegatives);
        Assert.Equal([-2], match.SignedErrorsSamples);
    }

    [Fact]
    public void Should_Give_A_Prediction_To_The_Nearest_Truth_Only()
    {
        var match = BoundaryMatcher.Match([100, 110], [106], toleranceSamples: 10);

        Assert.Equal(1, match.TruePositives);
        Assert.Equal(0, match.FalsePositives);
        Assert.Equal(1, match.FalseNegatives);
        Assert.Equal([-4], match.SignedErrorsSamples);
    }

    [Fact]
    public void Should_Break_Distance_Ties_By_The_Earlier_Truth()
    {
        var match = BoundaryMatcher.Match([100, 110], [105], toleranceSamples: 10);

        Assert.Equal([5], match.SignedErrorsSamples);
    }

    [Fact]
    public void Should_Match_Nearest_First_Rather_Than_Maximise_The_Number_Of_Matches()
    {
        // Given truth 100, 104 and predictions 97, 102 (tolerance 3). Candidates: 102↔100 (2), 102↔104 (2), 97↔100 (3).
        // Nearest first takes 102↔100 (tie → earlier truth); then 102 is used and 100 is taken, so 97 and 104 stay
        // unmatched, although 97↔100 plus 102↔104 would match both.
        var match = BoundaryMatcher.Match([100, 104], [97, 102], toleranceSamples: 3);

        Assert.Equal((1, 1, 1), (match.TruePositives, match.FalsePositives, match.FalseNegatives));
        Assert.Equal([2], match.SignedErrorsSamples);
    }

    [Fact]
    public void Should_Count_Everything_As_Missed_Or_False_When_Nothing_Is_In_Tolerance()
    {
        var match = BoundaryMatcher.Match([100], [120], toleranceSamples: 10);

        Assert.Equal((0, 1, 1), (match.TruePositives, match.FalsePositives, match.FalseNegatives));
        Assert.Empty(match.SignedErrorsSamples);
    }
}
