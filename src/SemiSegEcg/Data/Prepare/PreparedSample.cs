namespace SemiSegEcg.Data.Prepare;

/// <summary>One single-lead 10-s sample at its native rate, ready to be written.</summary>
/// <param name="Name">File stem, unique within the database (e.g. <c>1_lead_II</c>).</param>
/// <param name="Label">Per-sample mask (0–3, 255 ignore), or null for unlabeled databases.</param>
/// <param name="Source">Where it came from, for reports (record, lead, window).</param>
public sealed record PreparedSample(string Name, string SubjectId, double SampleRateHz, float[] Signal, byte[]? Label, string Source);
