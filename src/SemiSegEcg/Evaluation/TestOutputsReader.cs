using SemiSegEcg.Data;
using SemiSegEcg.IO;

namespace SemiSegEcg.Evaluation;

/// <summary>
/// Reads what the <c>test</c> command writes (docs/reference/original-behaviour.md#test-outputs): <c>test_outputs.npy</c>, softmax probabilities
/// <c>(N, 4, T)</c> as float32, or float16 as the reference likely wrote under AMP; and <c>test_labels.npy</c>,
/// one-hot ground truth <c>(N, 4, T)</c> int64. Truth = the class whose one-hot entry is 1, or
/// <see cref="WaveLabels.Ignore"/> when the row is all zeros; prediction = argmax (first maximum). The notebook's
/// tie one-hot is recovered from <see cref="TestOutputs.Probabilities"/> by <see cref="PooledIou.AddProbabilities"/>.
/// </summary>
public static class TestOutputsReader
{
    public const string OutputsFileName = "test_outputs.npy";
    public const string LabelsFileName = "test_labels.npy";

    public static TestOutputs ReadRunDirectory(string runDirectory) =>
        Read(Path.Combine(runDirectory, OutputsFileName), Path.Combine(runDirectory, LabelsFileName));

    public static TestOutputs Read(string outputsPath, string labelsPath)
    {
        var outputs = NpyFile.Read(outputsPath);
        var labels = NpyFile.Read(labelsPath);
        var (sampleCount, length) = CheckShape(outputs.Shape, outputsPath);
        var labelShape = CheckShape(labels.Shape, labelsPath);
        if (labelShape != (sampleCount, length))
            throw new InvalidDataException(
                $"{labelsPath}: field 'shape' is ({Describe(labels.Shape)}), expected ({sampleCount}, {WaveLabels.ClassCount}, {length}) to match {outputsPath}");
        if (outputs.Data is not (float[] or double[]))
            throw new InvalidDataException($"{outputsPath}: field 'descr' holds {outputs.Data.GetType().GetElementType()!.Name}, expected float16 or float32 probabilities");
        if (labels.Data is not (long[] or int[] or short[] or byte[]))
            throw new InvalidDataException($"{labelsPath}: field 'descr' holds {labels.Data.GetType().GetElementType()!.Name}, expected integer one-hot labels");

        float[] probabilities = outputs.AsFloat32();
        long[] oneHot = labels.AsInt64();
        int stride = WaveLabels.ClassCount * length;
        var truths = new long[sampleCount][];
        var predictions = new long[sampleCount][];
        for (int n = 0; n < sampleCount; n++)
        {
            truths[n] = TruthFromOneHot(oneHot.AsSpan(n * stride, stride), length, labelsPath, n);
            try
            {
                predictions[n] = OneHotFromProbabilities.ArgMax(probabilities.AsSpan(n * stride, stride));
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{outputsPath}: sample {n}: {e.Message}", e);
            }
        }
        return new TestOutputs(sampleCount, length, probabilities, truths, predictions);
    }

    private static long[] TruthFromOneHot(ReadOnlySpan<long> oneHot, int length, string path, int sample)
    {
        var truth = new long[length];
        for (int t = 0; t < length; t++)
        {
            long label = WaveLabels.Ignore;
            for (int c = 0; c < WaveLabels.ClassCount; c++)
            {
                long v = oneHot[c * length + t];
                if (v == 0) continue;
                if (v != 1)
                    throw new InvalidDataException($"{path}: sample {sample} class {c} position {t}: one-hot value is {v}, expected 0 or 1");
                if (label != WaveLabels.Ignore)
                    throw new InvalidDataException($"{path}: sample {sample} position {t}: one-hot row has classes {label} and {c} both set");
                label = c;
            }
            truth[t] = label;
        }
        return truth;
    }

    private static (int SampleCount, int Length) CheckShape(long[] shape, string path)
    {
        if (shape.Length != 3 || shape[1] != WaveLabels.ClassCount || shape[0] < 0 || shape[2] < 1 || shape[0] > int.MaxValue || shape[2] > int.MaxValue)
            throw new InvalidDataException($"{path}: field 'shape' is ({Describe(shape)}), expected (N, {WaveLabels.ClassCount}, T)");
        return ((int)shape[0], (int)shape[2]);
    }

    private static string Describe(long[] shape) => string.Join(", ", shape);
}
