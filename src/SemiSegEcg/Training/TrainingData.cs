using SemiSegEcg.Data.Samples;
using SemiSegEcg.Signal;
using SemiSegEcg.Training.Pipeline;

namespace SemiSegEcg.Training;

/// <summary>The preprocessed splits a run trains and validates on, how they were preprocessed (stored with every checkpoint), and how training views are built.</summary>
public sealed record TrainingData(
    IReadOnlyList<EcgSample> Labeled,
    IReadOnlyList<EcgSample>? Unlabeled,
    IReadOnlyList<EcgSample> Valid,
    ViewRecipe LabeledRecipe,
    ViewRecipe UnlabeledRecipe,
    Preprocessing Preprocessing)
{
    public int LengthSamples => Preprocessing.LengthSamples;
}
