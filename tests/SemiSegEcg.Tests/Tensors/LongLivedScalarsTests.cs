using SemiSegEcg.Tensors;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Tensors;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class LongLivedScalarsTests
{
    [Fact]
    public void Should_Stay_Usable_After_The_Dispose_Scope_That_First_Touched_It_Ends()
    {
        using (NewDisposeScope())
        {
            using var warmUp = ones(2).add_(ones(2), LongLivedScalars.One);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();

        using var sum = ones(3).add_(full(3, 2.0f), LongLivedScalars.One);

        Assert.Equal([3f, 3f, 3f], sum.data<float>().ToArray());
    }
}
