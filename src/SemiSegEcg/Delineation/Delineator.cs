namespace SemiSegEcg.Delineation;

/// <summary>
/// The whole model-independent pipeline for one recording: <see cref="WindowedSegmenter"/> (preprocess, window,
/// predict in batches across leads, stitch) then <see cref="DelineationPostProcessor"/> (waves, beats, consensus).
/// </summary>
public sealed class Delineator
{
    /// <param name="predictBatch">See <see cref="WindowedSegmenter(Func{float[][], float[][]}, WindowingOptions?)"/>.</param>
    public Delineator(Func<float[][], float[][]> predictBatch, DelineationOptions? options = null)
    {
        Options = options ?? new DelineationOptions();
        Segmenter = new WindowedSegmenter(predictBatch, Options.Windowing);
        PostProcessor = new DelineationPostProcessor(Options);
    }

    public DelineationOptions Options { get; }

    public WindowedSegmenter Segmenter { get; }

    public DelineationPostProcessor PostProcessor { get; }

    /// <exception cref="InvalidDataException">The recording is shorter than <see cref="RecordingInput.MinimumSeconds"/>.</exception>
    public DelineationResult Delineate(RecordingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.RequireDelineableLength();
        return PostProcessor.Process(Segmenter.Segment(input));
    }
}
