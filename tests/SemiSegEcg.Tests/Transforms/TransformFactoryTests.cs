using SemiSegEcg.Randomness;
using SemiSegEcg.Signal;
using SemiSegEcg.Transforms;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class TransformFactoryTests(ITestOutputHelper output)
{
    /// <summary>The reference's shipped strong augmentation (MT, FixMatch, ReCo).</summary>
    public const string StrongAugmentationYaml = """
        RandAugment:
          ops:
            - amplitude_scaling:
                sigma: 0.5
            - adaptive_powerline_noise:
                fs: 250
            - partial_white_noise:
                amplitude: 1.0
                ratio: 0.5
            - partial_sine_noise:
                amplitude: 1.0
                ratio: 0.5
          level: 10
          num_layers: 3
          prob: 0.5
        """;

    public const string WeakAugmentationYaml = """
        - random_resize_crop:
            target_length: 2500
            scale_min: 0.5
            scale_max: 2.0
        """;

    public const string FilterYaml = """
        - highpass_filter:
            fs: 250
            cutoff: 0.67
        - lowpass_filter:
            fs: 250
            cutoff: 40
        """;

    /// <summary>Every name of docs/reference/original-behaviour.md#transform-names with the smallest argument set it needs, and the type it must build.</summary>
    public static TheoryData<string, string, Type> AllNames()
    {
        var data = new TheoryData<string, string, Type>();
        void Add(string alias, string className, string args, Type type)
        {
            data.Add(alias, args, type);
            data.Add(className, args, type);
        }
        Add("adaptive_powerline_noise", "AdaptivePowerlineNoise", "", typeof(AdaptivePowerlineNoise));
        Add("amplitude_scaling", "AmplitudeScaling", "", typeof(AmplitudeScaling));
        Add("center_crop", "CenterCrop", "{crop_length: 100}", typeof(CenterCrop));
        Add("cutout", "Cutout", "", typeof(Cutout));
        Add("drop", "RandomMask", "", typeof(RandomMask));
        Add("highpass_filter", "HighpassFilter", "{fs: 250, cutoff: 0.67}", typeof(ButterworthFilter));
        Add("lowpass_filter", "LowpassFilter", "{fs: 250, cutoff: 40}", typeof(ButterworthFilter));
        Add("moving_window_crop", "MovingWindowCrop", "{crop_length: 100, crop_stride: 50}", typeof(MovingWindowCrop));
        Add("n_crop", "NCrop", "{crop_length: 100, num_segments: 3}", typeof(NCrop));
        Add("random_baseline_shift", "RandomBaselineShift", "", typeof(RandomBaselineShift));
        Add("random_crop", "RandomCrop", "{crop_length: 100}", typeof(RandomCrop));
        Add("partial_sine_noise", "RandomPartialSineNoise", "", typeof(RandomPartialSineNoise));
        Add("partial_square_noise", "RandomPartialSquareNoise", "", typeof(RandomPartialSquareNoise));
        Add("partial_white_noise", "RandomPartialWhiteNoise", "", typeof(RandomPartialWhiteNoise));
        Add("random_resize_crop", "RandomResizeCrop", "", typeof(RandomResizeCrop));
        Add("resample", "Resample", "{target_length: 2500}", typeof(Resample));
        Add("shift", "RandomShift", "", typeof(RandomShift));
        Add("sine_noise", "SineNoise", "", typeof(SineNoise));
        Add("sos_filter", "SOSFilter", "{fs: 250, cutoff: 40, btype: lowpass}", typeof(ButterworthFilter));
        Add("square_noise", "SquareNoise", "", typeof(SquareNoise));
        Add("standardize", "Standardize", "", typeof(Standardize));
        Add("to_tensor", "ToTensor", "", typeof(ToTensor));
        Add("white_noise", "WhiteNoise", "", typeof(WhiteNoise));
        Add("xflip", "XFlip", "", typeof(XFlip));
        Add("yflip", "YFlip", "", typeof(YFlip));
        data.Add("RandomApply", "{transform: yflip, prob: 0.3}", typeof(RandomApply));
        data.Add("RandAugment", "{ops: [yflip, xflip], num_layers: 1}", typeof(RandAugment));
        data.Add("Compose", "{transforms: [yflip, xflip]}", typeof(Compose));
        return data;
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Should_Build_Every_Alias_And_Class_Name(string name, string args, Type expected)
    {
        // Given a one-entry YAML list naming the transform
        string yaml = args.Length == 0 ? $"- {name}" : $"- {name}: {args}";

        // When built
        ISignalTransform transform = TransformFactory.Build(TransformSpecParser.FromYaml(yaml));

        // Then it is the expected class, and it runs on a 2,500-sample lead (multi-window crops aside)
        Assert.IsType(expected, transform);
        if (transform is MovingWindowCrop or NCrop) return;
        var view = new EcgView(Enumerable.Range(0, 2500).Select(n => Math.Sin(n * 0.07)).ToArray(), new byte[2500]);
        EcgView result = transform.Apply(view, new SeededRandom(1));
        Assert.True(result.Label is not null);
        if (!transform.ChangesLabel) Assert.Same(view.Label, result.Label);
    }

    [Fact]
    public void Should_Build_Shipped_Strong_Augmentation_With_Reference_Parameters()
    {
        // When the shipped strong block is parsed and built
        var augment = Assert.IsType<RandAugment>(TransformFactory.Build(TransformSpecParser.FromYaml(StrongAugmentationYaml)));

        // Then it is RandAugment(3 of 4, p 0.5, level 10) over the four configured ops with their YAML strengths
        Assert.Equal((10.0, 3, 0.5), (augment.Level, augment.LayerCount, augment.Probability));
        var ops = augment.Ops.Select(op => op.Transform).ToArray();
        Assert.Equal(0.5, Assert.IsType<AmplitudeScaling>(ops[0]).Sigma);
        Assert.Equal(250, Assert.IsType<AdaptivePowerlineNoise>(ops[1]).SamplingRateHz);
        var white = Assert.IsType<RandomPartialWhiteNoise>(ops[2]);
        Assert.Equal((1.0, 0.5, 0.5), (white.Amplitude, white.Freq, white.Ratio));
        var sine = Assert.IsType<RandomPartialSineNoise>(ops[3]);
        Assert.Equal((1.0, 0.5, 0.5), (sine.Amplitude, sine.Freq, sine.Ratio));
        Assert.False(augment.ChangesLabel);
    }

    [Fact]
    public void Should_Build_Shipped_Weak_Augmentation()
    {
        var crop = Assert.IsType<RandomResizeCrop>(TransformFactory.Build(TransformSpecParser.FromYaml(WeakAugmentationYaml)));
        Assert.Equal((2500, 0.5, 2.0), (crop.TargetLengthSamples, crop.ScaleMin, crop.ScaleMax));
        Assert.True(crop.ChangesLabel);
    }

    [Fact]
    public void Should_Reproduce_Reference_Filtering_With_Shipped_Filter_Block()
    {
        // Given the shipped filter block and the reference's resampled LUDB leads
        var compose = Assert.IsType<Compose>(TransformFactory.Build(TransformSpecParser.FromYaml(FilterYaml)));
        Assert.Equal([FilterType.Highpass, FilterType.Lowpass], compose.Transforms.Select(t => ((ButterworthFilter)t).Type));

        foreach (string tag in new[] { "ludb_1_ii", "ludb_2_v1" })
        {
            double[] resampled = TransformFixtures.Float64(TransformFixtures.Reference("preprocessing", $"{tag}_resampled_2500.npy"));
            double[] expected = TransformFixtures.Float64(TransformFixtures.Reference("preprocessing", $"{tag}_lowpassed.npy"));

            // When filtered
            double[] filtered = compose.Apply(new EcgView(resampled), new SeededRandom(0)).Signal;

            // Then it equals the reference's high-passed then low-passed lead (float32 rounding of the stored input)
            double error = TransformFixtures.MaxAbsDifference(filtered, expected);
            output.WriteLine($"{tag}: max |Δ| = {error:E2}");
            Assert.True(error < 1e-6, $"{tag}: max abs error {error}");
        }
    }

    [Theory]
    [InlineData("- random_resise_crop", "unknown transform 'random_resise_crop' (did you mean 'random_resize_crop'?)")]
    [InlineData("- frobnicate", "valid names: adaptive_powerline_noise, amplitude_scaling")]
    [InlineData("- amplitude_scaling: {sigmaa: 0.5}", "transforms[0] (amplitude_scaling): unknown argument 'sigmaa'; valid arguments: sigma")]
    [InlineData("- xflip: {prob: 0.5}", "transforms[0] (xflip): unknown argument 'prob'; it takes no arguments")]
    [InlineData("- amplitude_scaling: {sigma: 'abc'}", "argument 'sigma' is the string 'abc', expected a number")]
    [InlineData("- amplitude_scaling: {sigma: -0.5}", "transforms[0] (amplitude_scaling): argument 'sigma' = -0.5 must be a finite number ≥ 0")]
    [InlineData("- random_crop: {crop_length: 2.5}", "argument 'crop_length' is the number 2.5, expected an integer")]
    [InlineData("- random_crop", "transforms[0] (random_crop): argument 'crop_length' is required")]
    [InlineData("- random_resize_crop: {scale_min: 3, scale_max: 2}", "argument 'scale_min' = 3 must not exceed scale_max (2)")]
    [InlineData("- random_resize_crop: {target_length: 0}", "argument 'target_length' = 0 must be at least 1")]
    [InlineData("- RandomApply: {transform: yflip, prob: 1.5}", "transforms[0] (RandomApply): argument 'prob' = 1.5 must be in [0, 1]")]
    [InlineData("- RandomApply: {prob: 0.5}", "argument 'transform' is required")]
    [InlineData("- RandAugment: {ops: [yflip, {white_noise: {amplitude: -1}}], num_layers: 1}", "transforms[0].ops[1] (white_noise): argument 'amplitude' = -1")]
    [InlineData("- RandAugment: {ops: [yflip, xflip], num_layers: 3}", "argument 'num_layers' = 3 must be in [1, 2]")]
    [InlineData("- RandAugment: {ops: [yflip, 5], num_layers: 1}", "argument 'ops'[1] is the integer 5, expected a transform")]
    [InlineData("- lowpass_filter: {fs: 250, cutoff: 200}", "argument 'cutoff' = 200 must be below the Nyquist frequency")]
    [InlineData("- sos_filter: {fs: 250, cutoff: 10, btype: bandpass}", "argument 'btype' = 'bandpass' must be 'lowpass'")]
    [InlineData("- standardize: {axis: -2}", "a single-lead signal supports -1 or [-1, -2]")]
    [InlineData("- to_tensor: {dtype: half}", "argument 'dtype' = 'half' must be one of 'float', 'double', 'int', 'long'")]
    [InlineData("- resample: {target_length: 100, target_fs: 250, fs: 500}", "argument 'target_length' = 100 conflicts with target_fs (250): give exactly one of them")]
    [InlineData("- resample", "argument 'target_length' = null is missing: give exactly one of target_length and target_fs")]
    [InlineData("- resample: {target_fs: 250}", "argument 'fs' = null is missing: the native sampling rate is required with target_fs")]
    [InlineData("- resample: {target_length: 100, method: interp, kind: cubic}", "argument 'kind' = 'cubic' is not supported")]
    public void Should_Fail_With_Clear_Message_When_Spec_Is_Invalid(string yaml, string expectedMessagePart)
    {
        var error = Assert.Throws<TransformSpecException>(() => TransformFactory.Build(TransformSpecParser.FromYaml(yaml)));
        output.WriteLine(error.Message);
        Assert.Contains(expectedMessagePart, error.Message);
    }

    [Fact]
    public void Should_Report_Transform_And_Argument_On_The_Exception()
    {
        var error = Assert.Throws<TransformSpecException>(() =>
            TransformFactory.Build([new TransformSpec("partial_white_noise", new Dictionary<string, object?> { ["ratio"] = 2.0 })], "strong_aug"));
        Assert.Equal(("partial_white_noise", "ratio"), (error.Transform, error.Argument));
        Assert.StartsWith("strong_aug[0] (partial_white_noise)", error.Message);
    }

    [Fact]
    public void Should_Build_Directly_From_Typed_Specs_With_Nested_Specs()
    {
        // Given specs built in code, as the config system will hand them over
        var spec = new TransformSpec("RandAugment", new Dictionary<string, object?>
        {
            ["ops"] = new object?[] { new TransformSpec("amplitude_scaling", new Dictionary<string, object?> { ["sigma"] = 0.5 }), "yflip" },
            ["level"] = 10L,
            ["num_layers"] = 2L,
            ["prob"] = 1.0,
        });

        // When built
        var augment = Assert.IsType<RandAugment>(TransformFactory.Build([spec]));

        // Then the nested specs became ops
        Assert.IsType<AmplitudeScaling>(augment.Ops[0].Transform);
        Assert.IsType<YFlip>(augment.Ops[1].Transform);
    }

    [Fact]
    public void Should_Build_Nested_Transform_Written_As_A_Mapping()
    {
        const string yaml = "- RandomApply: {transform: {amplitude_scaling: {sigma: 0.2}}, prob: 0.7}";

        var apply = Assert.IsType<RandomApply>(TransformFactory.Build(TransformSpecParser.FromYaml(yaml)));

        Assert.Equal(0.7, apply.Probability);
        Assert.Equal(0.2, Assert.IsType<AmplitudeScaling>(apply.Transform).Sigma);
    }

    [Fact]
    public void Should_Return_Identity_Compose_For_An_Empty_List()
    {
        var compose = Assert.IsType<Compose>(TransformFactory.Build([]));
        var view = new EcgView([1.0, 2.0]);
        Assert.Same(view, compose.Apply(view, new SeededRandom(0)));
    }
}
