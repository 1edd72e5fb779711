namespace SemiSegEcg.Models;

/// <summary>A top-level module that a state dict would leave wholly or partly as initialised.</summary>
/// <param name="Module">Its name (<c>backbone</c>, <c>decode_head</c>, …).</param>
/// <param name="ParameterCount">How many parameter tensors it has.</param>
/// <param name="MissingParameters">Keys of those the state dict does not hold.</param>
public sealed record ModuleGap(string Module, int ParameterCount, IReadOnlyList<string> MissingParameters);
