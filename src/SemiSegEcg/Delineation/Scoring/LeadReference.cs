using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>The reference of one lead (or of every lead, when a database annotates the record once).</summary>
/// <param name="Lead">Lead name as the header gives it; null when the annotation applies to all leads.</param>
public sealed record LeadReference(string? Lead, FiducialMarks Marks, AnnotatedSpans Spans)
{
    /// <summary>The annotated waves the marks were taken from (what a plot overlays).</summary>
    public IReadOnlyList<WaveSpan> Waves { get; init; } = [];
}
