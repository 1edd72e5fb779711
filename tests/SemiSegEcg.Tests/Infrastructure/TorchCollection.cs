namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// The one serial collection; xunit runs it after the parallel ones. It holds every class that can reach TorchSharp
/// (two OpenMP pools on two cores make each test 4–10× slower; live-tensor counts and the global generator must not
/// see another test's work) or change process-wide state (the console the CLI writes to, the environment, the current
/// directory). <see cref="SerialOnlyCode"/> finds them and <c>TestSuiteConventionTests</c> fails on any outside.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "torch";
}
