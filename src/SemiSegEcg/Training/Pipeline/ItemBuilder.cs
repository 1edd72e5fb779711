using SemiSegEcg.Data.Samples;
using SemiSegEcg.Randomness;
using SemiSegEcg.Signal;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Training.Pipeline;

/// <summary>Builds the views of one item into rows of a host batch (docs/reference/original-behaviour.md#loading-a-sample, steps 6–9).</summary>
public static class ItemBuilder
{
    /// <param name="row">Row of the batch arrays to fill.</param>
    public static void Fill(EcgSample sample, ViewRecipe recipe, bool withMask, SeededRandom random,
        HostBatch batch, int row)
    {
        int length = batch.LengthSamples;
        var view = new EcgView((double[])sample.Signal.Clone(), withMask ? sample.Label : null);
        if (withMask && view.Label is null)
            throw new InvalidDataException($"{sample.Name}: a labeled batch needs a mask but the sample has none");
        if (recipe.Weak is not null) view = recipe.Weak.Apply(view, random);
        if (view.Signal.Length != length)
            throw new InvalidOperationException($"{sample.Name}: the weak augmentation produced {view.Signal.Length} samples, expected {length} (set its target_length to dataset.signal_length)");

        double[] weakSignal = view.Signal;
        for (int s = 0; s < recipe.StrongViews; s++)
        {
            var strong = recipe.Strong!.Apply(new EcgView((double[])weakSignal.Clone(), null), random);
            WriteStandardized(strong.Signal, batch.Strong[s].AsSpan(row * length, length), sample.Name);
        }
        WriteStandardized(weakSignal, batch.Weak.AsSpan(row * length, length), sample.Name);
        if (withMask)
        {
            var mask = batch.Masks!.AsSpan(row * length, length);
            byte[] label = view.Label!;
            for (int i = 0; i < length; i++) mask[i] = label[i];
        }
    }

    private static void WriteStandardized(double[] signal, Span<float> destination, string name)
    {
        if (signal.Length != destination.Length)
            throw new InvalidOperationException($"{name}: a view has {signal.Length} samples, expected {destination.Length}");
        Standardizer.StandardizeInto(signal, destination);
    }
}
