using SemiSegEcg.Algorithms;
using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Training.Scalars;

/// <summary>
/// Every method trains a few hundred steps on small networks while another thread forces full collections and runs
/// the finalizer back to back: the conditions under which a temporary Scalar (or any handle the step still needs) gets
/// freed mid-call. No step may crash, every loss stays finite, and collections really ran throughout.
/// </summary>
/// <remarks>
/// Opt-in (<c>SEMISEG_GC_STRESS=1</c>) since 2026-12-03: on a loaded machine, and once on an idle one inside the full
/// suite, a method turns NaN after 2–174 steps, and every later method in the same process soon after, also at the
/// commit that last passed CI; a single method alone passes. A per-step native handle that the finalizer can still
/// reach is the suspect; docs/development.md says how to run it and what is known.
/// </remarks>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class GcStressTests
{
    private const int Steps = 200;
    private const int Length = 500;

    public static TheoryData<string> Methods() => new(MethodCatalog.Names);

    public const string OptInVariable = "SEMISEG_GC_STRESS";

    [SkippableTheory]
    [MemberData(nameof(Methods))]
    public void Should_Train_Every_Method_While_Collections_And_Finalizers_Run_Constantly(string name)
    {
        Skip.IfNot(Environment.GetEnvironmentVariable(OptInVariable) == "1",
            $"opt-in ({OptInVariable}=1): a known, not yet explained NaN under load; see docs/development.md");
        random.manual_seed(0);
        using var method = Create(name);
        var optimizers = method.TrainedNetworks
            .Select(n => GroupedOptimizer.AdamW(ParameterGroupBuilder.Build(n.Model, 0.05, null), 1e-3))
            .ToList();
        foreach (var network in method.TrainedNetworks) network.Model.train();
        var batches = Enumerable.Range(0, 4).Select(seed => SyntheticStepBatches.Create(method.DataNeeds, length: Length, seed: seed)).ToList();
        double first = double.NaN, last = double.NaN;

        long collections;
        using (var stress = new ConstantCollections())
        {
            for (int step = 0; step < Steps; step++)
            {
                var logs = StepExecutor.Run(method, optimizers, batches[step % batches.Count], new StepContext(0, step, Steps, step), lr: 1e-3);
                Assert.All(logs, l => Assert.True(double.IsFinite(l.Value), $"{l.Name} = {l.Value} at step {step + 1}"));
                if (step == 0) first = logs[0].Value;
                last = logs[0].Value;
            }
            collections = stress.Collections;
        }

        foreach (var o in optimizers) o.Dispose();
        Assert.True(collections >= Steps, $"only {collections} forced collections ran during {Steps} steps");
        Assert.True(last < first, $"{name}: loss went from {first} to {last} in {Steps} steps");
    }

    private static ISegmentationAlgorithm Create(string name)
    {
        var entry = MethodCatalog.Find(name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, null);
        EncoderDecoder Model() => ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions { StemChannels = 8, BaseChannels = 8 },
            "FCNHead", new FcnHeadOptions { InChannels = 64, Channels = 16 }, 4, UseLatentProjection: entry.NeedsLatentProjection, ProjectionInDim: 64, ProjectionOutDim: 16));
        // The shipped EMA decay; ReCo's sampling cut to these small networks; UniMatch through its CutMix path too.
        var method = name switch
        {
            "mean_teacher" => MeanTeacher.Entry.Configure(new() { EmaDecay = 0.99 }),
            "reco" => ReCo.Entry.Configure(new() { EmaDecay = 0.99, ContrNumQueries = 32, ContrNumNegatives = 64 }),
            "unimatch" => UniMatch.Entry.Configure(new() { UnimatchCutmix = true }),
            _ => entry.ConfigureDefaults(),
        };
        return method.Create(Model);
    }

    /// <summary>A background thread that forces a full blocking collection and waits for the finalizers, over and over.</summary>
    private sealed class ConstantCollections : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stopping;
        private long _collections;

        public ConstantCollections()
        {
            _thread = new Thread(() =>
            {
                while (!_stopping)
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
                    GC.WaitForPendingFinalizers();
                    Interlocked.Increment(ref _collections);
                }
            }) { IsBackground = true, Name = "forced collections" };
            _thread.Start();
        }

        public long Collections => Interlocked.Read(ref _collections);

        public void Dispose()
        {
            _stopping = true;
            _thread.Join();
        }
    }
}
