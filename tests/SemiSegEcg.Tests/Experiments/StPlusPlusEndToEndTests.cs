using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Experiments;

[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class StPlusPlusEndToEndTests
{
    [Fact]
    public void Should_Run_Three_Stages_Rank_Reliability_Resume_And_Test_The_Final_Stage() =>
        EndToEndScenarios.StPlusPlusRunsThreeStagesAndResumesPastThem(TinyLudb.Config, unlabeledSamples: 32);
}
