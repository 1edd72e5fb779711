using SemiSegEcg.Models;

namespace SemiSegEcg.Algorithms;

/// <summary>A network with its checkpoint key (<c>model</c>, <c>model_ema</c>, <c>model2</c>, ...).</summary>
public sealed record NamedNetwork(string Key, EncoderDecoder Model);
