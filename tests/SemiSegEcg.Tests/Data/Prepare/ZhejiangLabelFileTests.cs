using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Prepare;

[Trait(Category.Trait, Category.Unit)]
public sealed class ZhejiangLabelFileTests : IDisposable
{
    private readonly TempDirectory _tmp = new("zhejiang-labels");

    public void Dispose() => _tmp.Dispose();

    private string Write(string text)
    {
        string path = _tmp.File("QRS.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Should_Read_Ragged_Lines_With_Padding_Whitespace_Decimals_And_Empty_Pairs()
    {
        string path = Write("101###I,10,20,30,40,,\n 101###avf , 5 , 9.0 ,,,,\n\n102###V6,\"7\",8,nan,nan,,\n103###II,,,,,,\n");

        var lines = ZhejiangLabelFile.Read(path, WaveLabels.Qrs);

        Assert.Equal(4, lines.Count);
        Assert.Equal([new WaveSpan(WaveLabels.Qrs, 10, null, 20), new WaveSpan(WaveLabels.Qrs, 30, null, 40)], lines[("101", "I")].Waves);
        Assert.Equal([new WaveSpan(WaveLabels.Qrs, 5, null, 9)], lines[("101", "aVF")].Waves);
        Assert.Equal([new WaveSpan(WaveLabels.Qrs, 7, null, 8)], lines[("102", "V6")].Waves);
        Assert.Empty(lines[("103", "II")].Waves);
        Assert.Null(lines[("103", "II")].Problem);
        Assert.Equal($"{path} line 4", lines[("102", "V6")].Source);
    }

    [Theory]
    [InlineData("101###I,10,20,30,,", "odd number of values (3)")]
    [InlineData("101###I,10,20,40,30", "pair 2 (40, 30) has its onset after its offset")]
    public void Should_Keep_Lines_Whose_Pairs_Do_Not_Match_With_The_Problem(string line, string problem)
    {
        var read = ZhejiangLabelFile.Read(Write(line + "\n"), WaveLabels.Qrs)[("101", "I")];

        Assert.StartsWith(problem, read.Problem);
        Assert.Empty(read.Waves);
    }

    [Theory]
    [InlineData("101#I,10,20", "line 1: field 'key' is '101#I', expected '<HospitalID>###<LEAD>'")]
    [InlineData("###I,10,20", "line 1: field 'key' is '###I': the HospitalID before '###' is empty")]
    [InlineData("101###X7,10,20", "'X7' is not one of the 12 leads")]
    [InlineData("101###I,10,2o", "line 1: field 3 is '2o', expected a sample index")]
    [InlineData("101###I,10,20\n101###i,30,40", "line 2: field 'key' '101###i' repeats")]
    public void Should_Name_The_File_Line_And_Field_When_A_Line_Is_Malformed(string text, string problem)
    {
        string path = Write(text + "\n");

        var error = Assert.Throws<InvalidDataException>(() => ZhejiangLabelFile.Read(path, WaveLabels.Qrs));

        Assert.StartsWith(path, error.Message);
        Assert.Contains(problem, error.Message);
    }
}
