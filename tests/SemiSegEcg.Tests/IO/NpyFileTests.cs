using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.IO;

[Trait(Category.Trait, Category.Unit)]
public sealed class NpyFileTests
{
    [Fact]
    public void Should_Read_Numpy_Written_Float32_And_Int64_Fixtures()
    {
        string dir = Path.Combine(SharedData.ReferenceFixtures, "preprocessing");

        var signal = NpyFile.Read(Path.Combine(dir, "ludb_1_ii_signal_500hz.npy"));
        var mask = NpyFile.Read(Path.Combine(dir, "ludb_1_ii_mask_500hz.npy"));

        Assert.Equal(new long[] { 5000 }, signal.Shape);
        Assert.IsType<float[]>(signal.Data);
        Assert.Equal(new long[] { 5000 }, mask.Shape);
        Assert.All(mask.AsInt64(), v => Assert.InRange(v, 0, 3));
    }

    [Fact]
    public void Should_Round_Trip_Every_Supported_Type()
    {
        using var tmp = new TempDirectory();
        NpyFile.Write(tmp.File("f.npy"), new float[] { 1.5f, -2f, 3f, 4f, 5f, 6f }, 2, 3);
        NpyFile.Write(tmp.File("l.npy"), new long[] { 7, 8 }, 2);
        NpyFile.Write(tmp.File("b.npy"), new byte[] { 0, 255 }, 2);

        var f = NpyFile.Read(tmp.File("f.npy"));
        Assert.Equal(new long[] { 2, 3 }, f.Shape);
        Assert.Equal(new[] { 1.5f, -2f, 3f, 4f, 5f, 6f }, f.AsFloat32());
        Assert.Equal(new long[] { 7, 8 }, NpyFile.Read(tmp.File("l.npy")).AsInt64());
        Assert.Equal(new long[] { 0, 255 }, NpyFile.Read(tmp.File("b.npy")).AsInt64());
    }

    [Fact]
    public void Should_Name_The_File_When_Data_Is_Truncated()
    {
        using var tmp = new TempDirectory();
        NpyFile.Write(tmp.File("x.npy"), new double[] { 1, 2, 3, 4 }, 4);
        byte[] bytes = File.ReadAllBytes(tmp.File("x.npy"));
        File.WriteAllBytes(tmp.File("cut.npy"), bytes[..^5]);

        var error = Assert.Throws<InvalidDataException>(() => NpyFile.Read(tmp.File("cut.npy")));
        Assert.Contains("cut.npy", error.Message);
        Assert.Contains("truncated", error.Message);
    }
}
