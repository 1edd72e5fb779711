using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Config;
using SemiSegEcg.Models;

namespace SemiSegEcg.Algorithms;

/// <summary>The one place where a config's <c>algorithm</c> becomes a training method.</summary>
public static class AlgorithmFactory
{
    /// <param name="createModel">Builds a freshly initialised network; called once per network the method needs,
    /// in a fixed order, so a seeded generator gives reproducible (and, for CPS, different) initialisations.</param>
    public static ISegmentationAlgorithm Create(AlgorithmKind kind, Func<EncoderDecoder> createModel, TrainConfig train) => kind switch
    {
        AlgorithmKind.Base => new Supervised(createModel()),
        AlgorithmKind.MeanTeacher => new MeanTeacher(createModel(), createModel(), train.EmaDecay),
        AlgorithmKind.FixMatch => new FixMatch(createModel(), train.ConfThresh),
        AlgorithmKind.Cps => new Cps(createModel(), createModel()),
        AlgorithmKind.Stpp => throw new NotSupportedException("stpp trains in stages; it is run by Experiments.StPlusPlusRun"),
        AlgorithmKind.ReCo => new ReCo(createModel(), createModel(), train.EmaDecay, train.ConfThresh,
            new RegionalContrastOptions(train.EasyConfThresh, train.HardConfThresh, train.ContrTemp, train.ContrNumQueries, train.ContrNumNegatives)),
        AlgorithmKind.UniMatch => new UniMatch(createModel(), train.ConfThresh, train.FeatureDropout, train.LossWeights, train.UnimatchCutmix),
        _ => throw new NotSupportedException($"algorithm '{ConfigBinder.NameOf(kind)}' is not implemented"),
    };
}
