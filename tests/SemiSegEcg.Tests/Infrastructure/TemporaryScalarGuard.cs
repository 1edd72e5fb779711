using System.Reflection;
using SemiSegEcg.Tensors;
using SemiSegEcg.Training;
using TorchSharp;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// Finds, in compiled code, every call on a per-step path that makes a temporary TorchSharp Scalar: a number converted
/// to a Scalar (implicitly, or by <c>ToScalar</c>), or a call into a TorchSharp method that does so inside (tensor
/// <c>+</c>, <c>add(Tensor)</c>'s implicit alpha, <c>arange(stop)</c>, ...), followed through our own code and
/// TorchSharp's IL. <see cref="LongLivedScalars"/> and <see cref="HeldScalars"/> are the sanctioned places that make
/// Scalars (and keep them referenced); constructors are set-up, where Scalars are made once and held in fields.
/// </summary>
public static class TemporaryScalarGuard
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Assembly TorchSharpAssembly = typeof(Scalar).Assembly;
    private static readonly Assembly OurAssembly = typeof(StepExecutor).Assembly;
    private static readonly Dictionary<MethodBase, bool> Memo = [];
    private static readonly object Gate = new();

    /// <summary>The namespaces whose code runs on every training step: methods and their losses, models, optimizers.</summary>
    public static readonly string[] PerStepNamespaces = ["SemiSegEcg.Algorithms", "SemiSegEcg.Models", "SemiSegEcg.Optimization", "SemiSegEcg.Tensors"];

    /// <summary>The per-step types of the library: every type of <see cref="PerStepNamespaces"/>, and the step executor.</summary>
    public static IEnumerable<Type> PerStepTypes() => OurAssembly.GetTypes().Where(t =>
    {
        var outer = Outermost(t);
        return outer == typeof(StepExecutor) || PerStepNamespaces.Any(n => outer.Namespace == n || outer.Namespace?.StartsWith(n + ".", StringComparison.Ordinal) == true);
    });

    /// <summary>One line per offending call: <c>Type.Method → Callee(parameter types)</c>.</summary>
    public static IEnumerable<string> Violations(IEnumerable<Type> types)
    {
        foreach (var type in types.Where(t => !IsHolder(t)))
        {
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>())
            {
                foreach (var callee in IlCallSites.Callees(method).Distinct().Where(CreatesTemporaryScalar))
                    yield return $"{type.FullName}.{method.Name} → {Describe(callee)}";
            }
        }
    }

    /// <summary>The forward methods of TorchSharp module types (as used inside our models) that make temporary Scalars.</summary>
    public static IEnumerable<string> ModuleViolations(IEnumerable<Type> moduleTypes)
    {
        foreach (var type in moduleTypes.Where(t => t.Assembly == TorchSharpAssembly).Distinct())
        {
            var forwards = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "forward" && !m.IsAbstract);
            foreach (var forward in forwards.Where(f => IlCallSites.Callees(f).Any(CreatesTemporaryScalar)))
                yield return $"{type.FullName}.forward (a TorchSharp module in the model)";
        }
    }

    private static bool CreatesTemporaryScalar(MethodBase method)
    {
        if (method.DeclaringType is not { } owner || IsHolder(owner)) return false;
        if (owner == typeof(Scalar) && method.Name == "op_Implicit") return true;
        if (owner == typeof(ScalarExtensionMethods) && method.Name.StartsWith("To", StringComparison.Ordinal) && method.Name.EndsWith("Scalar", StringComparison.Ordinal)) return true;
        if (method is ConstructorInfo && owner.Assembly == OurAssembly) return false;
        if (owner.Assembly != TorchSharpAssembly && owner.Assembly != OurAssembly) return false;
        lock (Gate)
        {
            if (Memo.TryGetValue(method, out bool known)) return known;
            Memo[method] = false;
        }
        bool creates = IlCallSites.Callees(method).Any(CreatesTemporaryScalar);
        lock (Gate) Memo[method] = creates;
        return creates;
    }

    private static bool IsHolder(Type type) => Outermost(type) == typeof(LongLivedScalars) || Outermost(type) == typeof(HeldScalars);

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } d) type = d;
        return type;
    }

    private static string Describe(MethodBase method) =>
        $"{method.DeclaringType?.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
}
