namespace SemiSegEcg.Data.Index;

/// <summary>One row of a split index: a single-lead sample's waveform file, its label file, native rate and subject.</summary>
/// <param name="Waveform">Path relative to the dataset's <c>ecg_dir</c>.</param>
/// <param name="Label">Path relative to <c>label_dir</c>; null for unlabeled samples.</param>
/// <param name="SampleRateHz">Native sampling rate of the stored file.</param>
/// <param name="SubjectId">Subject (patient) identifier; splits never share a subject.</param>
public sealed record IndexEntry(string Waveform, string? Label, double SampleRateHz, string SubjectId);
