using SemiSegEcg.Signal;

namespace SemiSegEcg.Tests.Signal;

[Trait(Category.Trait, Category.Parity)]
public sealed class LabelResamplerTests
{
    [Fact]
    public void Should_Match_Reference_Zero_Order_Hold_Of_Ludb_Masks()
    {
        foreach (string tag in SignalFixtures.Cases)
        {
            // Given the 500-Hz mask
            long[] mask = SignalFixtures.Int64(SignalFixtures.Preprocessing($"{tag}_mask_500hz.npy"));

            // When held to 2500 samples
            long[] actual = LabelResampler.ZeroOrderHold(mask, 2500);

            // Then it equals the reference exactly, and the rule floor(k·4999/2499) holds for every k
            Assert.Equal(SignalFixtures.Int64(SignalFixtures.Preprocessing($"{tag}_mask_2500.npy")), actual);
            for (int k = 0; k < 2500; k++) Assert.Equal(mask[(int)((long)k * 4999 / 2499)], actual[k]);
        }
    }

    [Fact]
    public void Should_Match_Reference_Source_Indices_Of_Zero_Order_Hold()
    {
        // Given the source index of each output stored in the fixture JSON, and labels equal to their own index
        var json = SignalFixtures.Json(SignalFixtures.Preprocessing("preprocessing.json"));
        long[] expected = json.GetProperty("label_zero_hold_source_index_first20").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        long[] identity = Enumerable.Range(0, 5000).Select(i => (long)i).ToArray();

        // When held to 2500 samples
        long[] actual = LabelResampler.ZeroOrderHold(identity, 2500);

        // Then the first 20 source indices agree and the last output is the last input
        Assert.Equal(expected, actual[..20]);
        Assert.Equal(4999, actual[^1]);
    }

    [Fact]
    public void Should_Match_Reference_Nearest_Resize_Of_Labels_For_Every_Fixture_Size()
    {
        // Given the 2500-sample reference mask
        long[] mask = SignalFixtures.Int64(SignalFixtures.Preprocessing("ludb_1_ii_mask_2500.npy"));

        foreach (int size in SignalFixtures.ResizeSizes)
        {
            // When resized by nearest neighbour
            long[] actual = LabelResampler.Nearest(mask, size);

            // Then it equals scipy interp1d(kind='nearest') exactly, including half-way ties
            Assert.Equal(SignalFixtures.Int64(SignalFixtures.Augmentation($"resize_{size}_label.npy")), actual);
        }
    }

    [Fact]
    public void Should_Round_Half_Way_Positions_Down_When_Nearest()
    {
        // Given 3 labels and 5 outputs: positions 0, 0.5, 1, 1.5, 2
        long[] labels = [10, 20, 30];

        // When resized by nearest neighbour
        long[] actual = LabelResampler.Nearest(labels, 5);

        // Then the ties 0.5 and 1.5 take the left sample
        Assert.Equal([10L, 10, 20, 20, 30], actual);
    }

    [Fact]
    public void Should_Hold_Previous_Sample_And_End_On_Last_When_Zero_Order_Hold_Upsamples()
    {
        // Given 3 labels and 5 outputs: positions 0, 0.5, 1, 1.5, 2
        byte[] labels = [1, 2, 3];

        // When held
        byte[] actual = LabelResampler.ZeroOrderHold(labels, 5);

        // Then each output takes the sample at or before it, the right end the last sample
        Assert.Equal([(byte)1, 1, 2, 2, 3], actual);
    }

    [Fact]
    public void Should_Agree_Between_Byte_And_Long_Overloads()
    {
        var rng = new Random(5);
        byte[] bytes = Enumerable.Range(0, 2500).Select(_ => (byte)rng.Next(4)).ToArray();
        long[] longs = Array.ConvertAll(bytes, b => (long)b);

        Assert.Equal(LabelResampler.Nearest(longs, 3001), Array.ConvertAll(LabelResampler.Nearest(bytes, 3001), b => (long)b));
        Assert.Equal(LabelResampler.ZeroOrderHold(longs, 1999), Array.ConvertAll(LabelResampler.ZeroOrderHold(bytes, 1999), b => (long)b));
    }

    [Fact]
    public void Should_Reject_Empty_Labels_And_Nonpositive_Target()
    {
        Assert.Throws<ArgumentException>(() => LabelResampler.Nearest(ReadOnlySpan<long>.Empty, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelResampler.ZeroOrderHold(new long[5], 0));
    }
}
