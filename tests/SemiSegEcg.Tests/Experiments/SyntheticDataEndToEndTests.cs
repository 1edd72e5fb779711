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
    [InlineData("mean_teacher", new[] { "model", "model_ema" }, "loss_u_s")]
    [InlineData("fixmatch", new[] { "model" }, "mask_ratio")]
    [InlineData("cps", new[] { "model", "model2" }, "loss_total_2")]
    [InlineData("reco", new[] { "model", "model_ema" }, "contr_loss")]
    [InlineData("unimatch", new[] { "model" }, "loss_u_w_fp")]
    public void Should_Train_Resume_And_Test_Each_Semi_Supervised_Method(string algorithm, string[] networks, string logged) =>
        EndToEndScenarios.SemiSupervisedTrainsResumesAndTests(TinySynthetic.Config, TinySynthetic.Test, algorithm, networks, logged);

    [Fact]
    public void Should_Run_The_Three_St_Plus_Plus_Stages_And_Skip_Finished_Ones_On_Resume() =>
        EndToEndScenarios.StPlusPlusRunsThreeStagesAndResumesPastThem(TinySynthetic.Config, TinySynthetic.Unlabeled);
}
