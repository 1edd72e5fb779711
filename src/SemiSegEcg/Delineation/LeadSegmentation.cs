namespace SemiSegEcg.Delineation;

/// <summary>One lead's stitched model output.</summary>
/// <param name="Probabilities">Class probabilities at the model rate, class-major: <c>[c · StepLength + k]</c>, 4 classes.</param>
/// <param name="StepLabels">Argmax of <paramref name="Probabilities"/> at the model rate (ties go to the lower class).</param>
/// <param name="NativeLabels">The same labels at the native rate (<see cref="ResamplingGrid.ToNativeLabels"/>).</param>
public sealed record LeadSegmentation(string Lead, float[] Probabilities, byte[] StepLabels, byte[] NativeLabels);
