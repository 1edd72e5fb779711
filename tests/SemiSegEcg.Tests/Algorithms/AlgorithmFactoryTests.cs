using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Tests.Infrastructure;
using static SemiSegEcg.Tests.Algorithms.AlgorithmTestKit;

namespace SemiSegEcg.Tests.Algorithms;

[Collection(TorchCollection.Name)]
public sealed class AlgorithmFactoryTests
{
    [Theory]
    [InlineData(AlgorithmKind.ReCo, "reco", 2, 1)]
    [InlineData(AlgorithmKind.UniMatch, "unimatch", 1, 2)]
    public void Should_Create_The_Added_Methods_From_Their_Config_Names(AlgorithmKind kind, string name, int networks, int strongViews)
    {
        int built = 0;

        using var algorithm = AlgorithmFactory.Create(kind, () => { built++; return NewModel(latent: true); }, new TrainConfig { UnimatchCutmix = true });

        Assert.Equal(name, algorithm.Name);
        Assert.Equal(name, ConfigBinder.NameOf(kind));
        Assert.Equal(networks, built);
        Assert.Equal(new AlgorithmDataNeeds(true, strongViews), algorithm.DataNeeds);
    }
}
