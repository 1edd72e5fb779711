using SemiSegEcg.Data;
using System.Text;
using SemiSegEcg.Evaluation;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Parity)]
public sealed class TestOutputsReaderTests
{
    // Two samples, T = 3, layout (N, 4, T).
    private static readonly float[] Probabilities =
    [
        // sample 0: argmax P, QRS; position 2 ties bg/T → first (bg)
        0.1f, 0.1f, 0.4f,
        0.7f, 0.1f, 0.1f,
        0.1f, 0.7f, 0.1f,
        0.1f, 0.1f, 0.4f,
        // sample 1: T, T, bg
        0.0f, 0.0f, 1.0f,
        0.0f, 0.0f, 0.0f,
        0.0f, 0.0f, 0.0f,
        1.0f, 1.0f, 0.0f,
    ];

    private static readonly long[] OneHotLabels =
    [
        // sample 0: P, QRS, T
        0, 0, 0,
        1, 0, 0,
        0, 1, 0,
        0, 0, 1,
        // sample 1: T, unannotated (all zeros), bg
        0, 0, 1,
        0, 0, 0,
        0, 0, 0,
        1, 0, 0,
    ];

    [Fact]
    public void Should_Derive_Truth_Ignore_And_Argmax_Prediction_From_Float32_Files()
    {
        using var tmp = new TempDirectory();
        NpyFile.Write(tmp.File(TestOutputsReader.OutputsFileName), Probabilities, 2, 4, 3);
        NpyFile.Write(tmp.File(TestOutputsReader.LabelsFileName), OneHotLabels, 2, 4, 3);

        var outputs = TestOutputsReader.ReadRunDirectory(tmp.Path);

        Assert.Equal((2, 3), (outputs.SampleCount, outputs.LengthSamples));
        Assert.Equal(new long[] { 1, 2, 3 }, outputs.Truths[0]);
        Assert.Equal(new long[] { 3, WaveLabels.Ignore, 0 }, outputs.Truths[1]);
        Assert.Equal(new long[] { 1, 2, 0 }, outputs.Predictions[0]);
        Assert.Equal(new long[] { 3, 3, 0 }, outputs.Predictions[1]);
        Assert.Equal(Probabilities.AsSpan(12, 12).ToArray(), outputs.ProbabilitiesOf(1).ToArray());
    }

    [Fact]
    public void Should_Read_Float16_Probabilities()
    {
        // Given the same probabilities saved as <f2 (written as int16 bits, then the header's dtype patched)
        using var tmp = new TempDirectory();
        var halves = Probabilities.Select(p => BitConverter.HalfToInt16Bits((Half)p)).ToArray();
        using (var buffer = new MemoryStream())
        {
            NpyFile.WriteTo(buffer, halves, [2, 4, 3]);
            byte[] bytes = buffer.ToArray();
            PatchDescr(bytes, "<i2", "<f2");
            File.WriteAllBytes(tmp.File(TestOutputsReader.OutputsFileName), bytes);
        }
        NpyFile.Write(tmp.File(TestOutputsReader.LabelsFileName), OneHotLabels, 2, 4, 3);

        // When
        var outputs = TestOutputsReader.ReadRunDirectory(tmp.Path);

        // Then values are the float16 roundings and the labels are unchanged
        Assert.Equal(Probabilities.Select(p => (float)(Half)p).ToArray(), outputs.Probabilities);
        Assert.Equal(new long[] { 1, 2, 0 }, outputs.Predictions[0]);
    }

    [Fact]
    public void Should_Name_File_Sample_And_Position_When_A_One_Hot_Row_Has_Two_Classes()
    {
        using var tmp = new TempDirectory();
        var bad = (long[])OneHotLabels.Clone();
        bad[12 + 3 + 1] = 1; // sample 1, class 1, position 1 (row was all zeros) …
        bad[12 + 9 + 1] = 1; // … and class 3 at the same position
        NpyFile.Write(tmp.File(TestOutputsReader.OutputsFileName), Probabilities, 2, 4, 3);
        NpyFile.Write(tmp.File(TestOutputsReader.LabelsFileName), bad, 2, 4, 3);

        var e = Assert.Throws<InvalidDataException>(() => TestOutputsReader.ReadRunDirectory(tmp.Path));

        Assert.Contains(TestOutputsReader.LabelsFileName, e.Message);
        Assert.Contains("sample 1 position 1", e.Message);
    }

    [Fact]
    public void Should_Name_The_Field_When_Shapes_Disagree()
    {
        using var tmp = new TempDirectory();
        NpyFile.Write(tmp.File(TestOutputsReader.OutputsFileName), Probabilities, 2, 4, 3);
        NpyFile.Write(tmp.File(TestOutputsReader.LabelsFileName), OneHotLabels.AsSpan(0, 12).ToArray(), 1, 4, 3);

        var e = Assert.Throws<InvalidDataException>(() => TestOutputsReader.ReadRunDirectory(tmp.Path));

        Assert.Contains(TestOutputsReader.LabelsFileName, e.Message);
        Assert.Contains("'shape'", e.Message);
    }

    [Fact]
    public void Should_Reproduce_The_Notebook_Run_From_Fixture_Masks_Saved_As_Run_Files()
    {
        // Given the fixture masks saved as docs/reference/fixtures.md#metric-parity describes the notebook run: predictions as one-hot
        // float32 "probabilities", truths as one-hot int64
        var fixture = MetricFixture.Load();
        using var tmp = new TempDirectory();
        int n = fixture.Truths.Length, length = fixture.Truths[0].Length;
        NpyFile.Write(tmp.File(TestOutputsReader.OutputsFileName),
            fixture.Predictions.SelectMany(LabelBuilder.OneHotProbabilities).ToArray(), n, 4, length);
        NpyFile.Write(tmp.File(TestOutputsReader.LabelsFileName),
            fixture.Truths.SelectMany(t => LabelBuilder.OneHotProbabilities(t).Select(v => (long)v)).ToArray(), n, 4, length);

        // When
        var report = EvaluationReport.Compute(TestOutputsReader.ReadRunDirectory(tmp.Path));

        // Then
        Assert.Equal(0.6862489654888333, report.PooledMeanIou, MetricFixture.Tolerance);
        Assert.Equal(0.6626576781272888, report.SampleMeanIou, MetricFixture.Tolerance);
        Assert.Equal(19.05333333333333, report.MaeAverageMs, MetricFixture.Tolerance);
    }

    private static void PatchDescr(byte[] bytes, string from, string to)
    {
        var header = Encoding.Latin1.GetString(bytes, 0, 128);
        int at = header.IndexOf($"'{from}'", StringComparison.Ordinal);
        Assert.True(at > 0, "descr not found in header");
        Encoding.Latin1.GetBytes($"'{to}'").CopyTo(bytes, at);
    }
}
