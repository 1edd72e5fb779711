namespace SemiSegEcg.Delineation.Scoring;

/// <summary>The reference of one lead (or of every lead, when a database annotates the record once).</summary>
/// <param name="Lead">Lead name as the header gives it; null when the annotation applies to all leads.</param>
public sealed record LeadReference(string? Lead, FiducialMarks Marks, AnnotatedSpans Spans);
