namespace SemiSegEcg.Delineation;

/// <summary>Stitched model output of every lead of a recording, and the grid that links the model rate to the native rate.</summary>
/// <param name="WindowCount">Windows predicted over all leads.</param>
public sealed record RecordingSegmentation(RecordingInput Input, ResamplingGrid Grid, IReadOnlyList<LeadSegmentation> Leads, int WindowCount);
