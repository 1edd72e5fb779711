using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Tensors;
using SemiSegEcg.Tests.Infrastructure;
using TorchSharp;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Training.Scalars;

/// <summary>
/// The structural half of the proof that training never hands libtorch a Scalar the finalizer may free: no call on a
/// per-step path (methods, losses, models, optimizers, the step executor) makes a temporary Scalar, and no TorchSharp
/// module inside a shipped model does in its forward.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class TemporaryScalarGuardTests
{
    [Fact]
    public void Should_Find_No_Temporary_Scalar_On_A_Per_Step_Path()
    {
        var violations = TemporaryScalarGuard.Violations(TemporaryScalarGuard.PerStepTypes()).ToList();

        Assert.True(violations.Count == 0, "calls that make temporary Scalars (take the number from LongLivedScalars or a HeldScalars; " +
            "write a.Plus(b) for a + b):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Should_Find_No_TorchSharp_Module_Whose_Forward_Makes_Temporary_Scalars_In_Any_Shipped_Model()
    {
        var moduleTypes = new HashSet<Type>();
        foreach (string folder in ShippedConfigNames.AllModels)
        {
            var config = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", folder, "reco.yaml")).Config;
            using var model = ExperimentModels.Create(config);
            foreach (var (_, module) in model.named_modules()) moduleTypes.Add(module.GetType());
        }

        Assert.Contains(typeof(TorchSharp.Modules.Conv1d), moduleTypes);
        var violations = TemporaryScalarGuard.ModuleViolations(moduleTypes).ToList();
        Assert.True(violations.Count == 0, "replace these modules with scalar-safe ones (as ScalarSafeBatchNorm1d):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Should_Flag_Each_Way_Of_Making_A_Temporary_Scalar_And_Nothing_Held()
    {
        var flagged = TemporaryScalarGuard.Violations([typeof(Offender)]).ToList();

        Assert.Contains(flagged, v => v.Contains(".Sum → Tensor.op_Addition(Tensor, Tensor)"));
        Assert.Contains(flagged, v => v.Contains(".Halve → Tensor.op_Division(Tensor, Int32)"));
        Assert.Contains(flagged, v => v.Contains(".Confident → Scalar.op_Implicit(Double)"));
        Assert.Contains(flagged, v => v.Contains(".ImplicitAlpha → Tensor.add(Tensor)"));
        Assert.Contains(flagged, v => v.Contains(".Explicit → ScalarExtensionMethods.ToScalar(Double)"));
        Assert.DoesNotContain(flagged, v => v.Contains(".Held"));
        Assert.DoesNotContain(flagged, v => v.Contains(".ctor"));
        Assert.Equal(5, flagged.Count);
        Assert.NotEmpty(TemporaryScalarGuard.ModuleViolations([typeof(TorchSharp.Modules.BatchNorm1d)]));
    }

    /// <summary>Each method but <see cref="Held"/> and the constructor makes one kind of temporary Scalar.</summary>
    private sealed class Offender
    {
        private readonly Scalar _threshold;

        public Offender() => _threshold = 0.5.ToScalar();

        public static Tensor Sum(Tensor a, Tensor b) => a + b;

        public static Tensor Halve(Tensor a) => a / 2;

        public static Tensor Confident(Tensor a) => a.ge(0.8);

        public static Tensor ImplicitAlpha(Tensor a, Tensor b) => a.add(b);

        public static Tensor Explicit(Tensor a)
        {
            using var s = 0.5.ToScalar();
            return a.mul(s);
        }

        public Tensor Held(Tensor a, Tensor b) => a.Plus(b).ge(_threshold).mul(LongLivedScalars.Of(2.0));
    }
}
