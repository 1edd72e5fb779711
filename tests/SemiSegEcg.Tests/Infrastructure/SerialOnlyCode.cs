using System.Reflection;
using System.Reflection.Emit;
using SemiSegEcg.Cli.Commands;
using SemiSegEcg.Config;
using Spectre.Console;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// Whether a test class can reach code that must not run beside other tests — anything in TorchSharp (one OpenMP pool,
/// one generator, live-tensor counts) or a change of process-wide state (the console, the environment, the current
/// directory) — found by following its compiled calls through the library, the CLI and the tests. Calls through an
/// interface or a virtual method follow every implementation in those assemblies; a type built or passed as a generic
/// argument of a method contributes its overrides when something outside our code runs it (async state machines, CLI
/// commands). A delegate a type initializer
/// stores (the method catalog's factories) runs where a delegate of its type is invoked, not where it is stored. It
/// over-approximates: a class it flags may in fact stay clear, never the other way round, except through reflection or
/// a stored delegate that only library code outside ours invokes.
/// </summary>
public static class SerialOnlyCode
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Assembly[] Ours = [typeof(ConfigLoader).Assembly, typeof(CommandRegistry).Assembly, typeof(SerialOnlyCode).Assembly];
    private static readonly Lazy<Dictionary<MethodBase, List<MethodBase>>> Implementations = new(FindImplementations);
    private static readonly Lazy<Dictionary<Type, List<(MethodBase Target, Type DelegateType)>>> StoredDelegates = new(FindStoredDelegates);
    private static readonly Dictionary<MethodBase, MethodBase[]> CalleeCache = [];
    private static readonly object Gate = new();

    /// <summary>Process-wide settings whose change another test running at the same time would see.</summary>
    private static readonly (Type Owner, string Method)[] ProcessWideSetters =
    [
        (typeof(AnsiConsole), "set_Console"),
        (typeof(Console), "SetOut"),
        (typeof(Console), "SetError"),
        (typeof(Console), "SetIn"),
        (typeof(Environment), "SetEnvironmentVariable"),
        (typeof(Environment), "set_CurrentDirectory"),
        (typeof(Directory), "SetCurrentDirectory"),
    ];

    /// <summary>A chain of calls from <paramref name="testClass"/> (or a type nested in it) to serial-only code, or null.</summary>
    public static IReadOnlyList<MethodBase>? PathFrom(Type testClass)
    {
        lock (Gate)
        {
            var parent = new Dictionary<MethodBase, MethodBase?>();
            var queue = new Queue<MethodBase>();
            foreach (var root in MethodsOf(testClass, nested: true))
            {
                if (parent.TryAdd(root, null)) queue.Enqueue(root);
            }
            while (queue.Count > 0)
            {
                var method = queue.Dequeue();
                foreach (var callee in Callees(method))
                {
                    if (IsSerialOnly(callee)) return Chain(parent, method).Append(callee).ToList();
                    foreach (var next in Reached(callee))
                    {
                        if (parent.TryAdd(next, method)) queue.Enqueue(next);
                    }
                }
            }
            return null;
        }
    }

    public static string Describe(MethodBase method) => $"{method.DeclaringType?.FullName?.Replace('+', '.')}.{method.Name}";

    private static bool IsSerialOnly(MethodBase callee) =>
        callee.DeclaringType is { } owner
        && (owner.Assembly.GetName().Name?.StartsWith("TorchSharp", StringComparison.Ordinal) == true
            || ProcessWideSetters.Any(s => s.Owner == owner && s.Method == callee.Name));

    /// <summary>What a call to <paramref name="callee"/> can run in our assemblies: its body, its overrides, the type's initializer, and what its generic arguments bring.</summary>
    private static IEnumerable<MethodBase> Reached(MethodBase callee)
    {
        var entryPoints = (callee.IsGenericMethod ? callee.GetGenericArguments() : []).Where(t => IsOurs(t) && IsEntryPoint(t));
        foreach (var argument in entryPoints)
        {
            foreach (var method in OverridesAndConstructors(argument)) yield return method;
        }
        if (callee.Name == "Invoke" && callee.DeclaringType is { } delegateType && delegateType.IsSubclassOf(typeof(Delegate))
            && StoredDelegates.Value.TryGetValue(Definition(delegateType), out var stored))
        {
            foreach (var (target, _) in stored.Where(d => CanBe(delegateType, d.DelegateType))) yield return target;
        }
        if (callee.DeclaringType is not { } owner || !IsOurs(owner)) yield break;
        var definition = Definition(callee);
        yield return definition;
        if (Definition(owner).TypeInitializer is { } initializer) yield return initializer;
        if (callee is ConstructorInfo)
        {
            foreach (var method in OverridesAndConstructors(owner)) yield return method;
        }
        if (definition.IsVirtual && Implementations.Value.TryGetValue(BaseDefinition(definition), out var implementations))
        {
            foreach (var implementation in implementations) yield return implementation;
        }
    }

    /// <summary>A type handed to a generic method that runs it: an async state machine, or a CLI command Spectre builds.</summary>
    private static bool IsEntryPoint(Type type) =>
        typeof(System.Runtime.CompilerServices.IAsyncStateMachine).IsAssignableFrom(type) || typeof(Spectre.Console.Cli.ICommand).IsAssignableFrom(type);

    /// <summary>The virtual members of a type our code creates or names as a generic argument: whoever holds the object may call them.</summary>
    private static IEnumerable<MethodBase> OverridesAndConstructors(Type type)
    {
        var definition = Definition(type);
        return definition.GetMethods(Declared).Where(m => m.IsVirtual && !m.IsAbstract).Cast<MethodBase>()
            .Concat(definition.GetConstructors(Declared));
    }

    /// <summary>The calls a body makes; in a type initializer, without the delegates it only stores (see <see cref="StoredDelegates"/>).</summary>
    private static MethodBase[] Callees(MethodBase method)
    {
        if (!CalleeCache.TryGetValue(method, out var callees))
        {
            var sites = IlCallSites.Sites(method).ToList();
            var stored = method is ConstructorInfo { IsStatic: true } ? DelegatesMade(sites).Select(d => d.Target).ToHashSet() : [];
            callees = sites.Select(s => s.Callee).Where(c => !stored.Contains(c)).Distinct().ToArray();
            CalleeCache[method] = callees;
        }
        return callees;
    }

    /// <summary>Delegates made in type initializers of our assemblies, by delegate type (as a generic definition).</summary>
    private static Dictionary<Type, List<(MethodBase Target, Type DelegateType)>> FindStoredDelegates()
    {
        var found = new Dictionary<Type, List<(MethodBase, Type)>>();
        foreach (var initializer in Ours.SelectMany(a => a.GetTypes()).Select(t => t.TypeInitializer).OfType<ConstructorInfo>())
        {
            foreach (var (target, delegateType) in DelegatesMade(IlCallSites.Sites(initializer).ToList()))
            {
                if (!found.TryGetValue(Definition(delegateType), out var list)) found[Definition(delegateType)] = list = [];
                list.Add((Definition(target), delegateType));
            }
        }
        return found;
    }

    /// <summary>Whether an invoked delegate type, whose arguments may be open generic parameters, can be the stored one.</summary>
    private static bool CanBe(Type invoked, Type stored) =>
        invoked.IsGenericParameter || invoked == stored
        || (invoked.IsGenericType && stored.IsGenericType && Definition(invoked) == Definition(stored)
            && invoked.GetGenericArguments().Zip(stored.GetGenericArguments()).All(p => CanBe(p.First, p.Second)));

    /// <summary>ldftn of a method followed by the construction of a delegate: the delegate is made, not called.</summary>
    private static IEnumerable<(MethodBase Target, Type DelegateType)> DelegatesMade(List<(OpCode OpCode, MethodBase Callee)> sites)
    {
        for (int i = 0; i + 1 < sites.Count; i++)
        {
            if (sites[i].OpCode == OpCodes.Ldftn && sites[i + 1] is { OpCode.Value: var op, Callee: ConstructorInfo { DeclaringType: { } type } }
                && op == OpCodes.Newobj.Value && type.IsSubclassOf(typeof(Delegate)))
                yield return (sites[i].Callee, type);
        }
    }

    private static IEnumerable<MethodBase> MethodsOf(Type type, bool nested)
    {
        var own = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        if (type.TypeInitializer is { } initializer) own = own.Append(initializer);
        return nested ? own.Concat(type.GetNestedTypes(Declared).SelectMany(n => MethodsOf(n, nested: true))) : own;
    }

    /// <summary>Overrides and interface implementations in our assemblies, keyed by the method they implement (as a generic definition).</summary>
    private static Dictionary<MethodBase, List<MethodBase>> FindImplementations()
    {
        var found = new Dictionary<MethodBase, List<MethodBase>>();
        void Add(MethodBase key, MethodBase implementation)
        {
            if (!found.TryGetValue(key, out var list)) found[key] = list = [];
            list.Add(implementation);
        }
        foreach (var type in Ours.SelectMany(a => a.GetTypes()).Where(t => !t.IsInterface))
        {
            foreach (var method in type.GetMethods(Declared).Where(m => m.IsVirtual && !m.IsAbstract))
            {
                var root = BaseDefinition(method);
                if (root != method) Add(root, method);
            }
            foreach (var contract in type.GetInterfaces().Where(IsOurs))
            {
                InterfaceMapping map;
                try
                {
                    map = type.GetInterfaceMap(contract);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
                {
                    continue;
                }
                for (int i = 0; i < map.InterfaceMethods.Length; i++)
                {
                    if (map.TargetMethods[i].DeclaringType is { } target && IsOurs(target))
                        Add(Definition(map.InterfaceMethods[i]), Definition(map.TargetMethods[i]));
                }
            }
        }
        return found;
    }

    private static MethodBase BaseDefinition(MethodBase method) =>
        method is MethodInfo info ? Definition(info.GetBaseDefinition()) : method;

    /// <summary>The method as declared: outside any generic instantiation, so each body is read once.</summary>
    private static MethodBase Definition(MethodBase method)
    {
        if (method is MethodInfo { IsGenericMethod: true, IsGenericMethodDefinition: false } generic) method = generic.GetGenericMethodDefinition();
        if (method.DeclaringType is { IsGenericType: true, IsGenericTypeDefinition: false } owner)
            method = MethodBase.GetMethodFromHandle(method.MethodHandle, owner.GetGenericTypeDefinition().TypeHandle) ?? method;
        return method;
    }

    private static Type Definition(Type type) => type is { IsGenericType: true, IsGenericTypeDefinition: false } ? type.GetGenericTypeDefinition() : type;

    private static bool IsOurs(Type type) => Ours.Contains(type.Assembly);

    private static IEnumerable<MethodBase> Chain(Dictionary<MethodBase, MethodBase?> parent, MethodBase last)
    {
        var chain = new List<MethodBase>();
        for (MethodBase? step = last; step is not null; step = parent[step]) chain.Add(step);
        chain.Reverse();
        return chain;
    }
}
