using TorchSharp;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Infrastructure;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class TorchSmokeTests
{
    [Fact]
    public void Should_Load_Native_Library_And_Run_Conv1d()
    {
        using var scope = NewDisposeScope();
        var x = ones(2, 1, 10);
        var weight = ones(3, 1, 3);
        var y = nn.functional.conv1d(x, weight, padding: 1);

        Assert.Equal(new long[] { 2, 3, 10 }, y.shape);
        Assert.Equal(2f, y[0, 0, 0].item<float>());
        Assert.Equal(3f, y[1, 2, 5].item<float>());
    }
}
