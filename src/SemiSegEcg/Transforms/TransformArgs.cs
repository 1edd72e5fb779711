using System.Globalization;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Typed reading of one <see cref="TransformSpec"/>'s arguments for <see cref="TransformFactory"/>. Every key a
/// builder asks for is recorded, so after building, the keys it never asked for are exactly the unknown ones, and the
/// recorded keys are the valid ones to list in the error.
/// </summary>
internal sealed class TransformArgs
{
    private readonly TransformSpec _spec;
    private readonly List<string> _known = [];

    public TransformArgs(TransformSpec spec, string path)
    {
        _spec = spec;
        Path = path;
    }

    /// <summary>Where the spec sits, e.g. <c>transforms[0].ops[2]</c>.</summary>
    public string Path { get; }

    public string Name => _spec.Name;

    public double Double(string key, double defaultValue) => OptionalDouble(key) ?? defaultValue;

    public double RequiredDouble(string key) => OptionalDouble(key) ?? throw Missing(key);

    public double? OptionalDouble(string key) => Get(key) switch
    {
        null => null,
        double d => d,
        float f => f,
        long l => l,
        int i => i,
        short s => s,
        decimal m => (double)m,
        object other => throw WrongType(key, other, "a number"),
    };

    public int Int(string key, int defaultValue) => OptionalInt(key) ?? defaultValue;

    public int RequiredInt(string key) => OptionalInt(key) ?? throw Missing(key);

    public int? OptionalInt(string key)
    {
        long? value = Get(key) switch
        {
            null => null,
            long l => l,
            int i => i,
            short s => s,
            object other => throw WrongType(key, other, "an integer"),
        };
        if (value is long v && (v < int.MinValue || v > int.MaxValue)) throw Error(key, $"argument '{key}' = {v} is out of the integer range");
        return (int?)value;
    }

    /// <summary>A label value (class id or the ignore value), 0–255.</summary>
    public byte Byte(string key, byte defaultValue)
    {
        int? value = OptionalInt(key);
        if (value is null) return defaultValue;
        if (value < 0 || value > 255) throw Error(key, $"argument '{key}' = {value} must be a label value in [0, 255]");
        return (byte)value.Value;
    }

    public string String(string key, string defaultValue) => Get(key) switch
    {
        null => defaultValue,
        string s => s,
        object other => throw WrongType(key, other, "a string"),
    };

    public string RequiredString(string key) => Get(key) switch
    {
        null => throw Missing(key),
        string s => s,
        object other => throw WrongType(key, other, "a string"),
    };

    /// <summary>The raw value, for arguments with several accepted shapes.</summary>
    public object? Raw(string key) => Get(key);

    /// <summary>A nested transform: a spec, a bare name, or a one-key mapping {name: kwargs}.</summary>
    public TransformSpec Spec(string key)
    {
        object? value = Get(key) ?? throw Missing(key);
        return ToSpec(key, value) ?? throw WrongType(key, value, "a transform (a name or {name: kwargs})");
    }

    /// <summary>A list of nested transforms (a single one is accepted as a list of one).</summary>
    public IReadOnlyList<TransformSpec> SpecList(string key)
    {
        object? value = Get(key) ?? throw Missing(key);
        if (ToSpec(key, value) is TransformSpec single) return [single];
        if (value is IReadOnlyDictionary<string, object?> mapping)
            return mapping.Select(entry => new TransformSpec(entry.Key, KwargsOf(key, entry.Value))).ToArray();
        if (value is not IEnumerable<object?> items) throw WrongType(key, value, "a list of transforms");
        var specs = new List<TransformSpec>();
        int index = 0;
        foreach (object? item in items)
        {
            specs.Add((item is null ? null : ToSpec(key, item))
                ?? throw Error(key, $"argument '{key}'[{index}] is {Describe(item)}, expected a transform (a name or {{name: kwargs}})"));
            index++;
        }
        return specs;
    }

    /// <summary>Fails when the spec has an argument no builder step asked for.</summary>
    public void RejectUnknown()
    {
        foreach (string key in _spec.Args.Keys)
        {
            if (_known.Contains(key)) continue;
            string valid = _known.Count == 0 ? "it takes no arguments" : "valid arguments: " + string.Join(", ", _known);
            throw new TransformSpecException($"{Path} ({Name}): unknown argument '{key}'; {valid}", Name, key);
        }
    }

    public TransformSpecException Error(string key, string message) => new($"{Path} ({Name}): {message}", Name, key);

    public TransformSpecException Missing(string key) => Error(key, $"argument '{key}' is required");

    private object? Get(string key)
    {
        if (!_known.Contains(key)) _known.Add(key);
        return _spec.Args.TryGetValue(key, out object? value) ? value : null;
    }

    private TransformSpecException WrongType(string key, object value, string expected) =>
        Error(key, $"argument '{key}' is {Describe(value)}, expected {expected}");

    private TransformSpec? ToSpec(string key, object value) => value switch
    {
        TransformSpec spec => spec,
        string name => new TransformSpec(name),
        IReadOnlyDictionary<string, object?> { Count: 1 } mapping => new TransformSpec(mapping.Keys.First(), KwargsOf(key, mapping.Values.First())),
        _ => null,
    };

    private IReadOnlyDictionary<string, object?> KwargsOf(string key, object? kwargs) => kwargs switch
    {
        null => new Dictionary<string, object?>(),
        IReadOnlyDictionary<string, object?> d => d,
        _ => throw Error(key, $"arguments of a nested transform in '{key}' must be a mapping, got {Describe(kwargs)}"),
    };

    internal static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string '{s}'",
        bool b => $"the boolean {(b ? "true" : "false")}",
        double d => $"the number {d.ToString("R", CultureInfo.InvariantCulture)}",
        long or int => $"the integer {Convert.ToString(value, CultureInfo.InvariantCulture)}",
        TransformSpec spec => $"the transform '{spec.Name}'",
        IReadOnlyDictionary<string, object?> => "a mapping",
        System.Collections.IEnumerable => "a list",
        _ => $"a {value.GetType().Name}",
    };
}
