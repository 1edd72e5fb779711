using System.Reflection;
using System.Text;

namespace SemiSegEcg.Config;

/// <summary>
/// Binds a <see cref="ConfigNode"/> onto C# types, strictly: unknown keys, wrong value types, nulls where a value is
/// required and missing required keys are <see cref="ConfigException"/>s naming the key path and the file and line.
/// </summary>
/// <remarks>
/// Records bind key by key: a YAML key is the snake_case of the property name (<c>WarmupEpochs</c> ↔
/// <c>warmup_epochs</c>) unless <see cref="ConfigKeyAttribute"/> says otherwise; <see cref="ConfigAliasAttribute"/>
/// adds accepted spellings. Keys left out keep the property's initializer (the original's default); a property marked
/// <c>required</c>, or a non-nullable reference property without initializer, must be present.
/// Supported: int, long, double, float, bool, string, enums (by snake_case name or <see cref="ConfigKeyAttribute"/>),
/// <see cref="Nullable{T}"/> and nullable references (YAML null → null), arrays, <c>IReadOnlyList&lt;T&gt;</c>,
/// <c>List&lt;T&gt;</c>, <c>IReadOnlyDictionary&lt;string, T&gt;</c>, nested records (public parameterless constructor
/// and settable/init properties), <see cref="IConfigConvertible{TSelf}"/> types, and raw <see cref="ConfigNode"/>
/// (or <see cref="ConfigMapping"/>/<see cref="ConfigSequence"/>/<see cref="ConfigScalar"/>) for parts another
/// component binds later.
/// </remarks>
public static class ConfigBinder
{
    /// <summary>Binds <paramref name="node"/> (at <paramref name="keyPath"/>, used in messages) to a non-null <typeparamref name="T"/>.</summary>
    public static T Bind<T>(ConfigNode node, string keyPath) where T : notnull => (T)Bind(typeof(T), node, keyPath);

    /// <summary>Binds to <paramref name="type"/>; a YAML null is an error unless <paramref name="type"/> is <see cref="Nullable{T}"/> or a ConfigNode type.</summary>
    public static object Bind(Type type, ConfigNode node, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(keyPath);
        return new Binder().BindValue(type, null, node, keyPath, allowNull: false)
            ?? throw ConfigException.At(node, keyPath, $"expected {Expected(type)}, got null");
    }

    /// <summary>The YAML keys of a record type (aliases excluded), in declaration order.</summary>
    public static IReadOnlyList<string> KeysOf(Type recordType) => BindableProperties(recordType).Select(KeyOf).ToArray();

    /// <summary>Every key a record type accepts: its keys and their <see cref="ConfigAliasAttribute"/> spellings.</summary>
    public static IReadOnlyList<string> AcceptedKeysOf(Type recordType) =>
        BindableProperties(recordType).SelectMany(p => p.GetCustomAttributes<ConfigAliasAttribute>().Select(a => a.Name).Prepend(KeyOf(p))).ToArray();

    /// <summary>The YAML key of a property or enum member: <see cref="ConfigKeyAttribute"/> or the snake_case of its name.</summary>
    public static string KeyOf(MemberInfo member) => member.GetCustomAttribute<ConfigKeyAttribute>()?.Name ?? ToSnakeCase(member.Name);

    /// <summary>The YAML spelling of an enum value (<c>DeviceKind.Cuda</c> → <c>cuda</c>).</summary>
    public static string NameOf<TEnum>(TEnum value) where TEnum : struct, Enum =>
        KeyOf(typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)
              ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"not a named {typeof(TEnum).Name} value"));

    /// <summary>All YAML spellings of an enum's values, in declaration order.</summary>
    public static IReadOnlyList<string> NamesOf(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(KeyOf).ToArray();

    /// <summary><c>WarmupEpochs</c> → <c>warmup_epochs</c>, <c>Fp16Enabled</c> → <c>fp16_enabled</c>, <c>HTTPServer</c> → <c>http_server</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterWordEnd = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool acronymEnd = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (afterWordEnd || acronymEnd) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The error for a key that a mapping at <paramref name="parentPath"/> does not have: it lists
    /// <paramref name="validKeys"/> and suggests the nearest of <paramref name="candidates"/>.
    /// </summary>
    public static ConfigException UnknownKeyError(ConfigEntry entry, string parentPath, IEnumerable<string> validKeys, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string childPath = ConfigNode.ChildPath(parentPath, entry.Key);
        string? suggestion = Suggest(entry.Key, candidates);
        string hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
        string scope = parentPath.Length == 0 ? "valid top-level keys" : $"valid keys under '{parentPath}'";
        return new ConfigException(
            $"unknown key '{childPath}' in {entry.KeySource}{hint} ({scope}: {string.Join(", ", validKeys)})",
            ConfigException.FileOf(entry.KeySource), childPath, ConfigException.LineOf(entry.KeySource));
    }

    /// <summary>The candidate nearest to <paramref name="key"/> if it is close enough to be a plausible typo.</summary>
    public static string? Suggest(string key, IEnumerable<string> candidates) =>
        Naming.NameSuggestion.Nearest(key, candidates, Math.Max(2, key.Length / 3));

    internal static string Expected(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(int)) return "an integer";
        if (t == typeof(long)) return "an integer";
        if (t == typeof(double) || t == typeof(float)) return "a number";
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(string)) return "a string";
        if (t.IsEnum) return $"one of: {string.Join(", ", NamesOf(t))}";
        if (t == typeof(ConfigMapping)) return "a mapping";
        if (t == typeof(ConfigSequence)) return "a list";
        if (t == typeof(ConfigScalar)) return "a single value";
        if (t == typeof(ConfigNode)) return "a value";
        if (ElementTypeOf(t) is not null) return "a list";
        if (t.IsClass && !IsConvertible(t)) return $"a mapping with keys: {string.Join(", ", KeysOf(t))}";
        return $"a {t.Name}";
    }

    private static IEnumerable<PropertyInfo> BindableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken);

    private static bool IsConvertible(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConfigConvertible<>) && i.GenericTypeArguments[0] == type);

    /// <summary>Element type for arrays and the list interfaces we bind, else null.</summary>
    private static Type? ElementTypeOf(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        Type definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
               || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(List<>)
            ? type.GenericTypeArguments[0]
            : null;
    }

    /// <summary>Value type for string-keyed dictionaries we bind, else null.</summary>
    private static Type? DictionaryValueTypeOf(Type type)
    {
        if (!type.IsGenericType || type.GenericTypeArguments[0] != typeof(string)) return null;
        Type definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)
            ? type.GenericTypeArguments[1]
            : null;
    }

    // By name: ScottPlot ships its own polyfill of RequiredMemberAttribute, which makes the type reference ambiguous.
    private static bool IsRequiredMember(PropertyInfo property) =>
        property.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute");

    private static T InvokeFromConfig<T>(ConfigNode node, string keyPath) where T : IConfigConvertible<T> => T.FromConfig(node, keyPath);

    /// <summary>One binding pass; holds the (not thread-safe) nullability reader.</summary>
    private sealed class Binder
    {
        private readonly NullabilityInfoContext _nullability = new();

        public object? BindValue(Type type, NullabilityInfo? nullability, ConfigNode node, string keyPath, bool allowNull)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                type = underlying;
                allowNull = true;
            }

            if (typeof(ConfigNode).IsAssignableFrom(type)) return BindRaw(type, node, keyPath, allowNull);
            if (node.IsNull)
            {
                if (allowNull) return null;
                throw ConfigException.At(node, keyPath, $"expected {Expected(type)}, got null");
            }

            if (type == typeof(string)) return ScalarOf(type, node, keyPath).Text;
            if (type == typeof(bool)) return ScalarOf(type, node, keyPath).TryGetBoolean(out bool b) ? b : throw WrongType(type, node, keyPath);
            if (type == typeof(int) || type == typeof(long)) return BindInteger(type, node, keyPath);
            if (type == typeof(double)) return ScalarOf(type, node, keyPath).TryGetDouble(out double d) ? d : throw WrongType(type, node, keyPath);
            if (type == typeof(float)) return ScalarOf(type, node, keyPath).TryGetDouble(out double f) ? (float)f : throw WrongType(type, node, keyPath);
            if (type.IsEnum) return BindEnum(type, node, keyPath);
            if (IsConvertible(type))
            {
                MethodInfo method = typeof(ConfigBinder).GetMethod(nameof(InvokeFromConfig), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(type);
                return method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [node, keyPath], null);
            }
            if (ElementTypeOf(type) is { } elementType) return BindList(type, elementType, nullability, node, keyPath);
            if (DictionaryValueTypeOf(type) is { } valueType) return BindDictionary(valueType, nullability, node, keyPath);
            if (type.IsClass && !type.IsAbstract) return BindRecord(type, node, keyPath);
            throw new InvalidOperationException($"ConfigBinder cannot bind type {type.FullName} (at '{keyPath}')");
        }

        private static object? BindRaw(Type type, ConfigNode node, string keyPath, bool allowNull)
        {
            if (node.IsNull && allowNull) return null;
            if (type.IsInstanceOfType(node)) return node;
            throw WrongType(type, node, keyPath);
        }

        private static ConfigScalar ScalarOf(Type type, ConfigNode node, string keyPath) =>
            node as ConfigScalar ?? throw WrongType(type, node, keyPath);

        private static object BindInteger(Type type, ConfigNode node, string keyPath)
        {
            if (!ScalarOf(type, node, keyPath).TryGetInt64(out long value)) throw WrongType(type, node, keyPath);
            if (type == typeof(long)) return value;
            if (value is < int.MinValue or > int.MaxValue)
            {
                throw ConfigException.At(node, keyPath, $"expected an integer between {int.MinValue} and {int.MaxValue}, got {node.Describe()}");
            }
            return (int)value;
        }

        private static object BindEnum(Type type, ConfigNode node, string keyPath)
        {
            ConfigScalar scalar = ScalarOf(type, node, keyPath);
            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (string.Equals(KeyOf(field), scalar.Text, StringComparison.OrdinalIgnoreCase)) return field.GetValue(null)!;
            }
            string? suggestion = Suggest(scalar.Text, NamesOf(type));
            string hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
            throw ConfigException.At(node, keyPath, $"expected {Expected(type)}, got {node.Describe()}{hint}");
        }

        private object BindList(Type type, Type elementType, NullabilityInfo? nullability, ConfigNode node, string keyPath)
        {
            if (node is not ConfigSequence sequence) throw WrongType(type, node, keyPath);
            NullabilityInfo? elementNullability = nullability is null ? null : nullability.ElementType ?? nullability.GenericTypeArguments.FirstOrDefault();
            bool elementAllowsNull = elementNullability?.ReadState == NullabilityState.Nullable;
            var array = Array.CreateInstance(elementType, sequence.Items.Count);
            for (int i = 0; i < sequence.Items.Count; i++)
            {
                array.SetValue(BindValue(elementType, elementNullability, sequence.Items[i], ConfigNode.ItemPath(keyPath, i), elementAllowsNull), i);
            }
            if (type.IsArray || type.IsInterface && type.GetGenericTypeDefinition() != typeof(IList<>) && type.GetGenericTypeDefinition() != typeof(ICollection<>))
            {
                return array;
            }
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType), array)!;
        }

        private object BindDictionary(Type valueType, NullabilityInfo? nullability, ConfigNode node, string keyPath)
        {
            if (node is not ConfigMapping mapping) throw WrongType(typeof(ConfigMapping), node, keyPath);
            NullabilityInfo? valueNullability = nullability?.GenericTypeArguments.ElementAtOrDefault(1);
            bool valueAllowsNull = valueNullability?.ReadState == NullabilityState.Nullable;
            var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
            foreach (ConfigEntry entry in mapping.Entries)
            {
                dictionary.Add(entry.Key, BindValue(valueType, valueNullability, entry.Value, ConfigNode.ChildPath(keyPath, entry.Key), valueAllowsNull));
            }
            return dictionary;
        }

        private object BindRecord(Type type, ConfigNode node, string keyPath)
        {
            if (node is not ConfigMapping mapping) throw WrongType(type, node, keyPath);
            PropertyInfo[] properties = BindableProperties(type).ToArray();
            var byKey = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
            foreach (PropertyInfo property in properties)
            {
                foreach (string key in property.GetCustomAttributes<ConfigAliasAttribute>().Select(a => a.Name).Prepend(KeyOf(property)))
                {
                    if (!byKey.TryAdd(key, property))
                    {
                        throw new InvalidOperationException($"{type.Name}: key '{key}' is used by both {byKey[key].Name} and {property.Name}");
                    }
                }
            }

            var assigned = new Dictionary<PropertyInfo, ConfigEntry>();
            foreach (ConfigEntry entry in mapping.Entries)
            {
                string childPath = ConfigNode.ChildPath(keyPath, entry.Key);
                if (!byKey.TryGetValue(entry.Key, out PropertyInfo? property)) throw UnknownKey(properties, entry, keyPath);
                if (assigned.TryGetValue(property, out ConfigEntry? previous))
                {
                    throw new ConfigException(
                        $"'{ConfigNode.ChildPath(keyPath, previous.Key)}' ({previous.KeySource}) and '{childPath}' ({entry.KeySource}) "
                        + $"are two spellings of the same key '{KeyOf(property)}'; keep only one",
                        ConfigException.FileOf(entry.KeySource), childPath, ConfigException.LineOf(entry.KeySource));
                }
                assigned.Add(property, entry);
            }

            object instance;
            try
            {
                instance = Activator.CreateInstance(type)!;
            }
            catch (MissingMethodException e)
            {
                throw new InvalidOperationException($"ConfigBinder needs a public parameterless constructor on {type.FullName} (or implement IConfigConvertible)", e);
            }

            foreach (PropertyInfo property in properties)
            {
                string childPath = ConfigNode.ChildPath(keyPath, KeyOf(property));
                NullabilityInfo nullability = _nullability.Create(property);
                if (assigned.TryGetValue(property, out ConfigEntry? entry))
                {
                    childPath = ConfigNode.ChildPath(keyPath, entry.Key);
                    bool allowNull = nullability.WriteState == NullabilityState.Nullable;
                    property.SetValue(instance, BindValue(property.PropertyType, nullability, entry.Value, childPath, allowNull));
                }
                else if (IsRequiredMember(property)
                         || (!property.PropertyType.IsValueType && nullability.WriteState == NullabilityState.NotNull && property.GetValue(instance) is null))
                {
                    throw new ConfigException(
                        $"missing required key '{childPath}' ({Expected(property.PropertyType)}) in the mapping at {mapping.Source}",
                        ConfigException.FileOf(mapping.Source), childPath, ConfigException.LineOf(mapping.Source));
                }
            }
            return instance;
        }

        private static ConfigException UnknownKey(PropertyInfo[] properties, ConfigEntry entry, string parentPath) =>
            UnknownKeyError(entry, parentPath, properties.Select(KeyOf),
                properties.Select(KeyOf).Concat(properties.SelectMany(p => p.GetCustomAttributes<ConfigAliasAttribute>().Select(a => a.Name))));

        private static ConfigException WrongType(Type type, ConfigNode node, string keyPath) =>
            ConfigException.At(node, keyPath, $"expected {Expected(type)}, got {node.Describe()}");
    }
}
