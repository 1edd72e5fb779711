using System.Reflection;
using System.Text.Json;
using Spectre.Console;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// The rules that let the suite run in parallel and be filtered: every test class names its category, and every class
/// that can reach TorchSharp or change process-wide state sits in the serial torch collection (the others run in
/// parallel, as <c>xunit.runner.json</c> asks).
/// </summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class TestSuiteConventionTests
{
    private static readonly Type[] TestClasses = typeof(TestSuiteConventionTests).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Should_Give_Every_Test_Class_Exactly_One_Known_Category()
    {
        var wrong = TestClasses
            .Select(t => (Class: t, Categories: Traits(t, Category.Trait)))
            .Where(c => c.Categories.Count != 1 || !Category.All.Contains(c.Categories[0]))
            .Select(c => $"{c.Class.FullName}: [{string.Join(", ", c.Categories)}]")
            .ToList();

        Assert.True(TestClasses.Length > 150, $"found only {TestClasses.Length} test classes");
        Assert.True(wrong.Count == 0, $"add [Trait(Category.Trait, Category.Unit | Parity | EndToEnd)] (one) to:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void Should_Keep_Every_Class_That_Reaches_Torch_Or_Process_Wide_State_In_The_Serial_Torch_Collection()
    {
        var outside = TestClasses
            .Where(t => CollectionOf(t) != TorchCollection.Name)
            .Select(t => (Class: t, Path: SerialOnlyCode.PathFrom(t)))
            .Where(c => c.Path is not null)
            .Select(c => $"{c.Class.FullName}: {string.Join(" → ", c.Path!.Select(SerialOnlyCode.Describe))}")
            .ToList();

        Assert.True(outside.Count == 0, $"add [Collection(TorchCollection.Name)] to:\n{string.Join("\n", outside)}");
    }

    [Fact]
    public void Should_Find_Torch_And_Console_Use_Through_Helpers_And_Leave_Plain_Code_Alone()
    {
        var torchPath = SerialOnlyCode.PathFrom(typeof(TensorThroughHelper));
        var consolePath = SerialOnlyCode.PathFrom(typeof(ConsoleThroughInterface));

        Assert.NotNull(torchPath);
        Assert.Equal(nameof(TensorThroughHelper.Helper), torchPath[^2].Name);
        Assert.NotNull(consolePath);
        Assert.Equal("set_Console", consolePath[^1].Name);
        Assert.NotNull(SerialOnlyCode.PathFrom(typeof(InvokesStoredFactory)));
        Assert.Null(SerialOnlyCode.PathFrom(typeof(ReadsStoredFactory)));
        Assert.Null(SerialOnlyCode.PathFrom(typeof(PlainArithmetic)));
        Assert.Null(SerialOnlyCode.PathFrom(typeof(SemiSegEcg.Tests.Training.Pipeline.EpochPlanTests)));
    }

    [Fact]
    public void Should_Run_Collections_In_Parallel_But_Not_The_Torch_Collection()
    {
        using var runner = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "xunit.runner.json")));
        var definition = typeof(TorchCollection).GetCustomAttributesData().Single(a => a.AttributeType == typeof(CollectionDefinitionAttribute));

        Assert.True(runner.RootElement.GetProperty("parallelizeTestCollections").GetBoolean());
        Assert.Equal(TorchCollection.Name, definition.ConstructorArguments.Single().Value);
        Assert.Contains(definition.NamedArguments, a => a.MemberName == nameof(CollectionDefinitionAttribute.DisableParallelization) && (bool)a.TypedValue.Value!);
    }

    private static List<string> Traits(Type type, string name) => type.GetCustomAttributesData()
        .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == name)
        .Select(a => (string)a.ConstructorArguments[1].Value!)
        .ToList();

    private static string? CollectionOf(Type type) => type.GetCustomAttributesData()
        .Where(a => a.AttributeType == typeof(CollectionAttribute))
        .Select(a => (string?)a.ConstructorArguments[0].Value)
        .SingleOrDefault();
}

/// <summary>Reaches torch one call away from its own methods.</summary>
file static class TensorThroughHelper
{
    public static long Count() => Helper();

    public static long Helper()
    {
        using var x = ones(3);
        return x.numel();
    }
}

/// <summary>Swaps the console only through an interface implementation that it creates.</summary>
file static class ConsoleThroughInterface
{
    public static void Run() => ((IAction)new SwapConsole()).Act();

    private interface IAction
    {
        void Act();
    }

    private sealed class SwapConsole : IAction
    {
        public void Act() => AnsiConsole.Console = AnsiConsole.Console;
    }
}

/// <summary>A factory a type initializer stores, as the method catalog does: it runs only where it is invoked.</summary>
file static class StoredFactory
{
    public static Func<long> Make { get; } = TensorThroughHelper.Helper;
}

file static class InvokesStoredFactory
{
    public static long Run() => StoredFactory.Make();
}

file static class ReadsStoredFactory
{
    public static bool Has() => StoredFactory.Make is not null;
}

file static class PlainArithmetic
{
    public static int Sum(int[] values) => values.Sum();
}
