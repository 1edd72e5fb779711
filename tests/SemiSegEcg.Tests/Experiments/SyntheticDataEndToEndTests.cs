namespace SemiSegEcg.Tests.Experiments;

/// <summary>
/// The resume-exactness, semi-supervised and ST++ end-to-end runs again on generated data (<see cref="TinySynthetic"/>),
/// so they hold with nothing outside the code: no bundled record, no download.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class SyntheticDataEndToEndTests
{
    [Fact]
    public void Should_End_A_Resumed_Run_Exactly_Like_An_Uninterrupted_One() => EndToEndScenarios.ResumedRunEndsLikeUninterrupted(TinySynthetic.Config);

    [Theory]
    [MemberData(nameof(EndToEndScenarios.SemiSupervisedMethods), MemberType = typeof(EndToEndScenarios))]
    public void Should_Train_Resume_And_Test_Each_Semi_Supervised_Method(string algorithm, string[] networks, string logged) =>
        EndToEndScenarios.SemiSupervisedTrainsResumesAndTests(TinySynthetic.Config, TinySynthetic.Test, algorithm, networks, logged);

    [Fact]
    public void Should_Run_The_Three_St_Plus_Plus_Stages_And_Skip_Finished_Ones_On_Resume() =>
        EndToEndScenarios.StPlusPlusRunsThreeStagesAndResumesPastThem(TinySynthetic.Config, TinySynthetic.Unlabeled);
}
