using SemiSegEcg.Models;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models;

/// <summary>Our BatchNorm1d only holds its Scalars: outputs, running statistics and batch counts equal TorchSharp's bit for bit.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ScalarSafeBatchNorm1dTests
{
    [Fact]
    public void Should_Equal_TorchSharps_BatchNorm1d_In_Training_And_Evaluation()
    {
        using var scope = NewDisposeScope();
        using var ours = new ScalarSafeBatchNorm1d(8);
        using var theirs = nn.BatchNorm1d(8);
        Assert.Equal(theirs.state_dict().Keys, ours.state_dict().Keys);
        var generator = new Generator(5);
        ours.train();
        theirs.train();
        for (int step = 0; step < 3; step++)
        {
            var x = randn([4, 8, 50], generator: generator) * 3 + 1;
            Assert.True(ours.call(x).equal(theirs.call(x)).all().item<bool>(), $"train output differs at step {step}");
        }
        foreach (var (key, value) in theirs.state_dict())
            Assert.True(ours.state_dict()[key].equal(value).all().item<bool>(), $"{key} differs");
        Assert.Equal(3, ours.num_batches_tracked!.item<long>());
        ours.eval();
        theirs.eval();
        var y = randn([2, 8, 50], generator: generator);
        Assert.True(ours.call(y).equal(theirs.call(y)).all().item<bool>(), "eval output differs");
    }
}
