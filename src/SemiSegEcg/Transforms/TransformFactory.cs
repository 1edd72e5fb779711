using System.Collections.Frozen;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Builds transforms from <see cref="TransformSpec"/>s (docs/reference/original-behaviour.md#transform-names): every snake_case alias of the reference
/// and every class name is accepted; a list of several specs becomes a <see cref="Compose"/>, a single one is used
/// directly. Unknown names, unknown or mistyped arguments and out-of-range values fail with a
/// <see cref="TransformSpecException"/> that names the place, the transform and the argument.
/// </summary>
public static class TransformFactory
{
    /// <summary>The reference's YAML aliases and the class each one builds.</summary>
    public static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["adaptive_powerline_noise"] = AdaptivePowerlineNoise.ClassName,
        ["amplitude_scaling"] = AmplitudeScaling.ClassName,
        ["center_crop"] = CenterCrop.ClassName,
        ["cutout"] = Cutout.ClassName,
        ["drop"] = RandomMask.ClassName,
        ["highpass_filter"] = HighpassFilterName,
        ["lowpass_filter"] = LowpassFilterName,
        ["moving_window_crop"] = MovingWindowCrop.ClassName,
        ["n_crop"] = NCrop.ClassName,
        ["random_baseline_shift"] = RandomBaselineShift.ClassName,
        ["random_crop"] = RandomCrop.ClassName,
        ["partial_sine_noise"] = RandomPartialSineNoise.ClassName,
        ["partial_square_noise"] = RandomPartialSquareNoise.ClassName,
        ["partial_white_noise"] = RandomPartialWhiteNoise.ClassName,
        ["random_resize_crop"] = RandomResizeCrop.ClassName,
        ["resample"] = Resample.ClassName,
        ["shift"] = RandomShift.ClassName,
        ["sine_noise"] = SineNoise.ClassName,
        ["sos_filter"] = ButterworthFilter.ClassName,
        ["square_noise"] = SquareNoise.ClassName,
        ["standardize"] = Standardize.ClassName,
        ["to_tensor"] = ToTensor.ClassName,
        ["white_noise"] = WhiteNoise.ClassName,
        ["xflip"] = XFlip.ClassName,
        ["yflip"] = YFlip.ClassName,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every class name accepted as a transform name.</summary>
    public static readonly FrozenSet<string> ClassNames =
        Aliases.Values.Concat([RandomApply.ClassName, RandAugment.ClassName, Compose.ClassName]).ToFrozenSet(StringComparer.Ordinal);

    private const string HighpassFilterName = "HighpassFilter";
    private const string LowpassFilterName = "LowpassFilter";

    /// <summary>A single spec → that transform; several (or none) → a <see cref="Compose"/> of them in order.</summary>
    /// <param name="path">Prefix for error messages, e.g. the config key the list came from.</param>
    public static ISignalTransform Build(IReadOnlyList<TransformSpec> specs, string path = "transforms")
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Count == 1) return Build(specs[0], $"{path}[0]");
        return new Compose(specs.Select((spec, i) => Build(spec, $"{path}[{i}]")));
    }

    /// <summary>Builds one transform (nested specs of RandomApply, RandAugment and Compose included).</summary>
    public static ISignalTransform Build(TransformSpec spec, string path = "transform")
    {
        ArgumentNullException.ThrowIfNull(spec);
        string canonical = Resolve(spec.Name, path);
        var args = new TransformArgs(spec, path);
        try
        {
            ISignalTransform transform = Create(canonical, args);
            args.RejectUnknown();
            return transform;
        }
        catch (TransformArgumentException ex)
        {
            throw new TransformSpecException(
                $"{path} ({spec.Name}): argument '{ex.ParamName}' = {TransformArgumentException.FormatValue(ex.Value)} {ex.Requirement}",
                spec.Name, ex.ParamName, ex);
        }
        catch (ArgumentException ex)
        {
            throw new TransformSpecException($"{path} ({spec.Name}): {ex.Message}", spec.Name, null, ex);
        }
    }

    /// <summary>The class name a spec name stands for.</summary>
    public static string Resolve(string name, string path = "transform")
    {
        if (Aliases.TryGetValue(name, out string? canonical)) return canonical;
        if (ClassNames.Contains(name)) return name;
        string? suggestion = Naming.NameSuggestion.Nearest(name, Aliases.Keys.Concat(ClassNames), tolerance: 3);
        string hint = suggestion is null ? "" : $" (did you mean '{suggestion}'?)";
        throw new TransformSpecException(
            $"{path}: unknown transform '{name}'{hint}; valid names: {string.Join(", ", Aliases.Keys.Order(StringComparer.Ordinal))}; " +
            $"or a class name: {string.Join(", ", ClassNames.Order(StringComparer.Ordinal))}",
            name);
    }

    private static ISignalTransform Create(string canonical, TransformArgs a) => canonical switch
    {
        Resample.ClassName => CreateResample(a),
        ButterworthFilter.ClassName => new ButterworthFilter(a.RequiredDouble("fs"), a.RequiredDouble("cutoff"), ParseBtype(a), a.Int("order", 5)),
        HighpassFilterName => new ButterworthFilter(a.RequiredDouble("fs"), a.RequiredDouble("cutoff"), FilterType.Highpass, a.Int("order", 5)),
        LowpassFilterName => new ButterworthFilter(a.RequiredDouble("fs"), a.RequiredDouble("cutoff"), FilterType.Lowpass, a.Int("order", 5)),
        Standardize.ClassName => CreateStandardize(a),
        ToTensor.ClassName => new ToTensor(ToTensor.ParseDtype(a.String("dtype", "float"))),
        RandomCrop.ClassName => new RandomCrop(a.RequiredInt("crop_length")),
        CenterCrop.ClassName => new CenterCrop(a.RequiredInt("crop_length")),
        MovingWindowCrop.ClassName => new MovingWindowCrop(a.RequiredInt("crop_length"), a.RequiredInt("crop_stride")),
        NCrop.ClassName => new NCrop(a.RequiredInt("crop_length"), a.RequiredInt("num_segments")),
        RandomResizeCrop.ClassName => new RandomResizeCrop(
            a.Int("target_length", 2500), a.Double("scale_min", 0.5), a.Double("scale_max", 2.0), a.Byte("label_pad_value", 0)),
        AmplitudeScaling.ClassName => new AmplitudeScaling(a.Double("sigma", 0.5)),
        AdaptivePowerlineNoise.ClassName => new AdaptivePowerlineNoise(a.Double("fs", 500.0), a.Double("amplitude", 1.0), a.Double("freq", 0.5)),
        WhiteNoise.ClassName => new WhiteNoise(a.Double("amplitude", 1.0), a.Double("freq", 0.5)),
        SineNoise.ClassName => new SineNoise(a.Double("amplitude", 1.0), a.Double("freq", 0.5)),
        SquareNoise.ClassName => new SquareNoise(a.Double("amplitude", 1.0), a.Double("freq", 0.5)),
        RandomPartialWhiteNoise.ClassName => new RandomPartialWhiteNoise(a.Double("amplitude", 1.0), a.Double("freq", 0.5), a.Double("ratio", 0.5)),
        RandomPartialSineNoise.ClassName => new RandomPartialSineNoise(a.Double("amplitude", 1.0), a.Double("freq", 0.5), a.Double("ratio", 0.5)),
        RandomPartialSquareNoise.ClassName => new RandomPartialSquareNoise(a.Double("amplitude", 1.0), a.Double("freq", 0.5), a.Double("ratio", 0.5)),
        RandomBaselineShift.ClassName => new RandomBaselineShift(a.Double("ratio", 0.5), a.Double("scale", 3.0)),
        XFlip.ClassName => new XFlip(),
        YFlip.ClassName => new YFlip(),
        RandomMask.ClassName => new RandomMask(a.Double("mask_ratio", 0.3)),
        Cutout.ClassName => new Cutout(a.Double("mask_ratio", 0.3), a.Byte("label_fill_value", 0)),
        RandomShift.ClassName => new RandomShift(a.Double("mask_ratio", 0.3), a.Byte("label_fill_value", 0)),
        RandomApply.ClassName => new RandomApply(Build(a.Spec("transform"), $"{a.Path}.transform"), a.Double("prob", 0.5)),
        RandAugment.ClassName => new RandAugment(
            BuildEach(a.SpecList("ops"), $"{a.Path}.ops"), a.Double("level", RandAugment.MaxLevel), a.Int("num_layers", 3), a.Double("prob", 0.5)),
        Compose.ClassName => new Compose(BuildEach(a.SpecList("transforms"), $"{a.Path}.transforms")),
        _ => throw new InvalidOperationException($"no builder for transform class '{canonical}'"),
    };

    private static ISignalTransform[] BuildEach(IReadOnlyList<TransformSpec> specs, string path) =>
        specs.Select((spec, i) => Build(spec, $"{path}[{i}]")).ToArray();

    private static Resample CreateResample(TransformArgs a)
    {
        int? targetLength = a.OptionalInt("target_length");
        double? targetFs = a.OptionalDouble("target_fs");
        double? fs = a.OptionalDouble("fs");
        ResampleMethod method = a.String("method", "fourier") switch
        {
            "fourier" => ResampleMethod.Fourier,
            "interp" => ResampleMethod.Interp,
            string other => throw a.Error("method", $"argument 'method' = '{other}' must be 'fourier' or 'interp'"),
        };
        InterpolationKind kind = ParseKind(a, "kind", "linear");
        InterpolationKind labelKind = ParseKind(a, "label_kind", "zero");
        return new Resample(targetLength, targetFs, fs, method, kind, labelKind);
    }

    private static InterpolationKind ParseKind(TransformArgs a, string key, string defaultKind) => a.String(key, defaultKind) switch
    {
        "linear" or "slinear" => InterpolationKind.Linear,
        "nearest" => InterpolationKind.Nearest,
        "zero" => InterpolationKind.Zero,
        string other => throw a.Error(key, $"argument '{key}' = '{other}' is not supported; use 'linear', 'slinear', 'nearest' or 'zero'"),
    };

    private static FilterType ParseBtype(TransformArgs a) => a.String("btype", "lowpass") switch
    {
        "lowpass" or "low" => FilterType.Lowpass,
        "highpass" or "high" => FilterType.Highpass,
        string other => throw a.Error("btype", $"argument 'btype' = '{other}' must be 'lowpass' ('low') or 'highpass' ('high')"),
    };

    private static Standardize CreateStandardize(TransformArgs a)
    {
        object? axis = a.Raw("axis");
        long[]? axes = axis switch
        {
            null => [-1, -2],
            long single => [single],
            int single => [single],
            IEnumerable<object?> list when list.All(item => item is long or int) => list.Select(item => Convert.ToInt64(item, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            _ => null,
        };
        if (axes is null || !Standardize.IsSupportedAxis(axes))
            throw a.Error("axis", $"argument 'axis' is {TransformArgs.Describe(axis)}; a single-lead signal supports -1 or [-1, -2] (both mean the whole signal)");
        return new Standardize();
    }
}
