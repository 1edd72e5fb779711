using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models.Heads;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class LatentProjectionTests
{
    [Theory]
    [InlineData(512, 213_248)]
    [InlineData(192, 90_368)]
    public void Should_Have_The_Spec_Parameter_Count(int inChannels, long expected)
    {
        using var projection = new LatentProjection(inChannels, 128);

        Assert.Equal(expected, projection.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Should_Keep_The_Feature_Length()
    {
        using var scope = NewDisposeScope();
        using var projection = new LatentProjection(32, 16);
        projection.eval();

        Tensor latent;
        using (no_grad()) latent = projection.call(randn(3, 32, 79));

        Assert.Equal(new long[] { 3, 16, 79 }, latent.shape);
    }

    [Fact]
    public void Should_Order_Conv_Relu_Norm_Conv_As_The_Spec()
    {
        using var projection = new LatentProjection(4, 4);

        var order = projection.named_children().Select(c => (c.name, c.module.GetType().Name)).ToList();

        Assert.Equal([("0", "Conv1d"), ("1", "ReLU"), ("2", "ScalarSafeBatchNorm1d"), ("3", "Conv1d")], order);
    }
}
