using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>Each shipped semi-supervised config trains, checkpoints, resumes and tests on real LUDB samples (tiny budget).</summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class SemiSupervisedEndToEndTests
{
    [Theory]
    [MemberData(nameof(EndToEndScenarios.SemiSupervisedMethods), MemberType = typeof(EndToEndScenarios))]
    public void Should_Train_Resume_And_Test_With_The_Shipped_Config(string algorithm, string[] networks, string logged) =>
        EndToEndScenarios.SemiSupervisedTrainsResumesAndTests(TinyLudb.Config, testSamples: 16, algorithm, networks, logged);
}
