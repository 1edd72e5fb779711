using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Algorithms.Shared;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class TimeCutMixTests
{
    [Fact]
    public void Should_Draw_At_Most_One_Segment_Of_2_To_40_Percent_For_About_Half_The_Samples()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1);

        var segments = TimeCutMix.DrawSegments(2000, 2500, CPU);

        Assert.Equal(new long[] { 2000, 2500 }, segments.shape);
        var rows = segments.to(ScalarType.Int32).data<int>().ToArray();
        int applied = 0;
        for (int b = 0; b < 2000; b++)
        {
            var row = rows.AsSpan(b * 2500, 2500);
            int length = row.ToArray().Sum();
            if (length == 0) continue;
            applied++;
            int start = row.IndexOf(1);
            Assert.Equal(length, row.Slice(start).IndexOf(0) is var end and >= 0 ? end : 2500 - start);
            Assert.InRange(length, 50, 1000);
        }
        Assert.InRange(applied, 900, 1100);
    }

    [Fact]
    public void Should_Take_The_Segment_From_The_Next_Sample_In_The_Batch()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3, 10, 20, 30, 100, 200, 300 }, [3, 1, 3]);
        var segments = tensor(new[] { false, true, true, true, false, false, false, false, true }, [3, 3]);

        var mixed = TimeCutMix.FromNextSample(x, segments);

        Assert.Equal(new float[] { 1, 20, 30, 100, 20, 30, 100, 200, 3 }, mixed.data<float>().ToArray());
        var labels = tensor(new long[] { 1, 1, 1, 2, 2, 2, 3, 3, 3 }, [3, 3]);
        Assert.Equal(new long[] { 1, 2, 2, 3, 2, 2, 3, 3, 1 }, TimeCutMix.FromNextSample(labels, segments).data<long>().ToArray());
    }
}
