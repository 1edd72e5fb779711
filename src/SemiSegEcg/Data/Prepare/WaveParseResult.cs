namespace SemiSegEcg.Data.Prepare;

/// <summary>Waves found in one annotation file and every mark that did not form a complete wave.</summary>
public sealed record WaveParseResult(IReadOnlyList<WaveSpan> Waves, IReadOnlyList<string> Problems)
{
    public bool IsComplete => Problems.Count == 0;
}
