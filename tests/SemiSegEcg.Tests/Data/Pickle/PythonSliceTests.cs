using SemiSegEcg.Data.Pickle;

namespace SemiSegEcg.Tests.Data.Pickle;

[Trait(Category.Trait, Category.Unit)]
public sealed class PythonSliceTests
{
    [Fact]
    public void Should_Select_Positions_Like_Python()
    {
        Assert.Equal(new long[] { 2, 3 }, new PythonSlice(2, 4, 1).Positions("p", 10));
        Assert.Equal(new long[] { 0, 3, 6 }, new PythonSlice(null, 8, 3).Positions("p", 10));
        Assert.Empty(new PythonSlice(5, 5, null).Positions("p", 10));
    }

    [Fact]
    public void Should_Refuse_Huge_Slices_Before_Allocating_When_A_Tiny_File_Asks_For_Billions_Of_Columns()
    {
        // Given: slice(0, 2e9) — 16 GB of positions if materialised
        var slice = new PythonSlice(0, 2_000_000_000, 1);

        // When
        var error = Assert.Throws<PickleContentException>(() => slice.Positions("block placement", PandasBlock.MaxColumns));

        // Then
        Assert.Contains("2000000000 positions", error.Message);
    }

    [Fact]
    public void Should_Refuse_Unbounded_Or_Backward_Slices()
    {
        Assert.Throws<PickleContentException>(() => new PythonSlice(0, null, 1).Positions("p", 10));
        Assert.Throws<PickleContentException>(() => new PythonSlice(4, 0, -1).Positions("p", 10));
    }
}
