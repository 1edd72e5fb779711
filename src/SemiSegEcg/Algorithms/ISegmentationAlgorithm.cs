using SemiSegEcg.Models;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// A training method: it owns its networks (and teachers) and defines one training step. The shared trainer owns
/// everything else — epochs, loaders, LR schedule, backward, optimizer steps, validation, checkpoints, logging, resume.
/// </summary>
public interface ISegmentationAlgorithm : IDisposable
{
    /// <summary>Config name, e.g. <c>fixmatch</c>.</summary>
    string Name { get; }

    /// <summary>Which loaders and views a step needs.</summary>
    AlgorithmDataNeeds DataNeeds { get; }

    /// <summary>Networks trained by gradient descent, one optimizer each, in the order of <see cref="StepResult.Losses"/>.</summary>
    IReadOnlyList<NamedNetwork> TrainedNetworks { get; }

    /// <summary>Everything a checkpoint holds (trained networks plus teachers), by checkpoint key.</summary>
    IReadOnlyList<NamedNetwork> CheckpointedNetworks { get; }

    /// <summary>The network that is validated and tested (the student; CPS: network 1).</summary>
    EncoderDecoder EvaluationModel { get; }

    /// <summary>Computes the losses of one step; must not call backward or step optimizers.</summary>
    StepResult TrainStep(StepInput input, StepContext context);

    /// <summary>Runs after every optimizer step (EMA teachers).</summary>
    void AfterOptimizerStep(StepContext context);
}
