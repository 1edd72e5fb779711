using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Models;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>The supervised baseline (<c>algorithm: base</c>, configs "scratch"): cross-entropy on the labeled weak view.</summary>
public sealed class Supervised : ISegmentationAlgorithm
{
    /// <summary>
    /// The catalog entry: <c>algorithm: base</c> as in the original, whose configs (and so our reports) call it
    /// <c>scratch</c>; with <c>train.step_matched</c> it is reported as a method of its own.
    /// </summary>
    public static MethodEntry<NoOptions> Entry { get; } =
        new("base", "Supervised", AlgorithmDataNeeds.Supervised, (createModel, _) => new Supervised(createModel()))
        {
            ConfigName = "scratch",
            Variants = [new("scratch_step_matched", "Supervised (step-matched)", (_, train) => train.StepMatched)],
        };

    private readonly EncoderDecoder _model;

    public Supervised(EncoderDecoder model)
    {
        _model = model;
        TrainedNetworks = [new NamedNetwork("model", model)];
    }

    public string Name => Entry.Name;
    public AlgorithmDataNeeds DataNeeds => Entry.DataNeeds;
    public IReadOnlyList<NamedNetwork> TrainedNetworks { get; }
    public IReadOnlyList<NamedNetwork> CheckpointedNetworks => TrainedNetworks;
    public EncoderDecoder EvaluationModel => _model;

    public StepResult TrainStep(StepInput input, StepContext context)
    {
        var logits = _model.call(input.Labeled).Logits;
        var loss = SegmentationLosses.CrossEntropy(logits, input.Masks);
        return new StepResult([loss], [new NamedScalar("loss", loss.detach())]);
    }

    public void AfterOptimizerStep(StepContext context) { }

    public void Dispose() => _model.Dispose();
}
