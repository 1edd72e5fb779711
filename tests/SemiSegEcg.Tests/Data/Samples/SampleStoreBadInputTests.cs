using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.IO;
using SemiSegEcg.Signal;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Samples;

/// <summary>
/// A bad prepared file among many loaded in parallel is reported as a sequential loop would: the first bad row's file
/// and field, as the reader's own error (not an AggregateException of whichever rows failed first).
/// </summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class SampleStoreBadInputTests : IDisposable
{
    private const int Length = 5000;
    private readonly TempDirectory _tmp = new("sample-store");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Should_Name_The_First_Bad_Label_File_And_Value_When_Several_Rows_Are_Bad()
    {
        var entries = Write(10, (i, signal, label) => { if (i is 3 or 7) label[100 + i] = 7; });

        var error = Assert.Throws<InvalidDataException>(() => Load(entries));

        Assert.Contains("s3.npy: label value 7 at position 103", error.Message);
    }

    [Fact]
    public void Should_Name_The_File_Of_A_NaN_Signal()
    {
        var entries = Write(6, (i, signal, label) => { if (i == 4) signal[2000] = double.NaN; });

        var error = Assert.Throws<InvalidDataException>(() => Load(entries));

        Assert.Contains("s4.npy: signal contains NaN", error.Message);
    }

    [Fact]
    public void Should_Name_A_Truncated_Signal_File()
    {
        var entries = Write(5, (_, _, _) => { });
        string path = _tmp.File("ecg/s2.npy");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 1000)]);

        var error = Assert.Throws<InvalidDataException>(() => Load(entries));

        Assert.Contains("s2.npy: data is truncated", error.Message);
    }

    private IReadOnlyList<IndexEntry> Write(int count, Action<int, double[], byte[]> spoil)
    {
        Directory.CreateDirectory(_tmp.File("ecg"));
        Directory.CreateDirectory(_tmp.File("label"));
        var entries = new List<IndexEntry>();
        for (int i = 0; i < count; i++)
        {
            double[] signal = Enumerable.Range(0, Length).Select(t => Math.Sin(t * 0.01 * (i + 1))).ToArray();
            byte[] label = Enumerable.Range(0, Length).Select(t => (byte)(t / 500 % 4)).ToArray();
            spoil(i, signal, label);
            NpyFile.Write(_tmp.File($"ecg/s{i}.npy"), signal, Length);
            NpyFile.Write(_tmp.File($"label/s{i}.npy"), label, Length);
            entries.Add(new IndexEntry($"s{i}.npy", $"s{i}.npy", 500, $"subject{i}"));
        }
        return entries;
    }

    private IReadOnlyList<EcgSample> Load(IReadOnlyList<IndexEntry> entries) =>
        SampleStore.Load(entries, _tmp.File("ecg"), _tmp.File("label"), loadLabels: true, new EcgPreprocessor());
}
