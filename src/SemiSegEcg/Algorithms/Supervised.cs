using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Models;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>The supervised baseline (<c>algorithm: base</c>, configs "scratch"): cross-entropy on the labeled weak view.</summary>
public sealed class Supervised : ISegmentationAlgorithm
{
    private readonly EncoderDecoder _model;

    public Supervised(EncoderDecoder model)
    {
        _model = model;
        TrainedNetworks = [new NamedNetwork("model", model)];
    }

    public string Name => "base";
    public AlgorithmDataNeeds DataNeeds => AlgorithmDataNeeds.Supervised;
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
