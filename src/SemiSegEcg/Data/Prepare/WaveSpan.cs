namespace SemiSegEcg.Data.Prepare;

/// <summary>One annotated wave in native-rate sample indices.</summary>
/// <param name="ClassId">1 P, 2 QRS, 3 T.</param>
/// <param name="Onset">First sample, or null when the annotator marked no onset (QTDB often omits T onsets).</param>
/// <param name="Peak">Peak sample, when annotated.</param>
/// <param name="Offset">Offset sample as annotated (the `)` mark).</param>
public sealed record WaveSpan(byte ClassId, long? Onset, long? Peak, long Offset);
