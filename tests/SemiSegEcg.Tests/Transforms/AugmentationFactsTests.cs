using System.Text.Json;
using SemiSegEcg.Transforms;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Transforms;

/// <summary>
/// Energy-ratio statistics of every op in augmentation_facts.json (2,000 calls each, docs/reference/fixtures.md#augmentation-statistics), on the
/// standardized and on the filtered mV lead. Our generator is not numpy's, so means are compared within four
/// standard errors of the difference of two 2,000-call samples, stds within a relative margin.
/// </summary>
[Trait(Category.Trait, Category.Parity)]
public sealed class AugmentationFactsTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Ops() => new()
    {
        { "on_standardized_signal", "AmplitudeScaling (as configured in RandAugment, level 10)" },
        { "on_standardized_signal", "RandomPartialWhiteNoise (as configured in RandAugment, level 10)" },
        { "on_standardized_signal", "RandomPartialSineNoise (as configured in RandAugment, level 10)" },
        { "on_standardized_signal", "RandAugment (configured strong augmentation)" },
        { "on_standardized_signal", "RandomResizeCrop (configured weak augmentation)" },
        { "on_standardized_signal", "RandomMask (defaults)" },
        { "on_standardized_signal", "Cutout (defaults)" },
        { "on_standardized_signal", "RandomShift (defaults)" },
        { "on_standardized_signal", "RandomBaselineShift (defaults)" },
        { "on_standardized_signal", "WhiteNoise (defaults)" },
        { "on_standardized_signal", "RandomPartialSquareNoise (defaults)" },
        { "on_filtered_unstandardized_signal_mV", "AmplitudeScaling (as configured in RandAugment, level 10)" },
        { "on_filtered_unstandardized_signal_mV", "RandomPartialWhiteNoise (as configured in RandAugment, level 10)" },
        { "on_filtered_unstandardized_signal_mV", "RandomPartialSineNoise (as configured in RandAugment, level 10)" },
        { "on_filtered_unstandardized_signal_mV", "RandAugment (configured strong augmentation)" },
        { "on_filtered_unstandardized_signal_mV", "RandomResizeCrop (configured weak augmentation)" },
        { "on_filtered_unstandardized_signal_mV", "RandomMask (defaults)" },
        { "on_filtered_unstandardized_signal_mV", "Cutout (defaults)" },
        { "on_filtered_unstandardized_signal_mV", "RandomShift (defaults)" },
        { "on_filtered_unstandardized_signal_mV", "RandomBaselineShift (defaults)" },
        { "on_filtered_unstandardized_signal_mV", "WhiteNoise (defaults)" },
        { "on_filtered_unstandardized_signal_mV", "RandomPartialSquareNoise (defaults)" },
    };

    [Theory]
    [MemberData(nameof(Ops))]
    public void Should_Match_Reference_Energy_Ratio_Statistics(string section, string op)
    {
        // Given the reference's statistics for this op and its input signal
        JsonElement reference = TransformFixtures.Json("augmentation_facts.json").GetProperty(section).GetProperty(op).GetProperty("energy_ratio");
        double[] signal = section == "on_standardized_signal" ? TransformFixtures.StandardizedSignal() : TransformFixtures.MillivoltSignal();
        ISignalTransform transform = Build(op);

        // When our op runs 2,000 times
        EnergyStatistics ours = TransformFixtures.Measure(transform, signal);

        // Then mean, std and exact-no-op share agree statistically
        double refMean = reference.GetProperty("mean").GetDouble();
        double refStd = reference.GetProperty("std").GetDouble();
        double refNoop = reference.GetProperty("fraction_exact_noop").GetDouble();
        double tolerance = 4 * Math.Sqrt(2) * refStd / Math.Sqrt(ours.Calls) + 1e-9;
        output.WriteLine($"{op} [{section}]: mean {ours.Mean:G5} vs {refMean:G5} (±{tolerance:G3}), std {ours.Std:G4} vs {refStd:G4}, no-op {ours.FractionExactNoop:P2} vs {refNoop:P2}");
        Assert.True(Math.Abs(ours.Mean - refMean) < tolerance, $"mean {ours.Mean} vs {refMean} (tolerance {tolerance})");
        Assert.True(Math.Abs(ours.Std - refStd) < 0.1 * refStd + 1e-9, $"std {ours.Std} vs {refStd}");
        double noopTolerance = 4 * Math.Sqrt(2 * Math.Max(refNoop, 1.0 / ours.Calls) / ours.Calls);
        Assert.True(Math.Abs(ours.FractionExactNoop - refNoop) < noopTolerance, $"no-op fraction {ours.FractionExactNoop} vs {refNoop}");
    }

    [Theory]
    [InlineData("on_standardized_signal")]
    [InlineData("on_filtered_unstandardized_signal_mV")]
    public void Should_Match_Reference_Energy_Ratio_Of_Deterministic_Ops(string section)
    {
        // Given the reference's exact ratios of the deterministic ops on this signal
        JsonElement facts = TransformFixtures.Json("augmentation_facts.json").GetProperty(section);
        double[] signal = section == "on_standardized_signal" ? TransformFixtures.StandardizedSignal() : TransformFixtures.MillivoltSignal();

        // When the powerline noise (50 and 60 Hz draws), sine noise and square noise run
        EnergyStatistics powerline = TransformFixtures.Measure(new AdaptivePowerlineNoise(fs: 250), signal, calls: 20);
        EnergyStatistics sine = TransformFixtures.Measure(new SineNoise(), signal, calls: 1);
        EnergyStatistics square = TransformFixtures.Measure(new SquareNoise(), signal, calls: 1);

        // Then each ratio equals the reference's (float32 input rounding only)
        AssertRelative(facts.GetProperty("AdaptivePowerlineNoise (as configured in RandAugment, level 10)").GetProperty("energy_ratio").GetProperty("mean").GetDouble(), powerline.Mean, "powerline");
        Assert.True(powerline.Std < 1e-12, $"powerline ratio varies: std {powerline.Std}");
        AssertRelative(facts.GetProperty("SineNoise (defaults; deterministic)").GetProperty("energy_ratio_exact").GetDouble(), sine.Mean, "sine");
        AssertRelative(facts.GetProperty("SquareNoise (defaults; deterministic)").GetProperty("energy_ratio_exact").GetDouble(), square.Mean, "square");
    }

    private void AssertRelative(double expected, double actual, string what)
    {
        output.WriteLine($"{what}: {actual:R} vs {expected:R}");
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"{what}: {actual} vs {expected}");
    }

    private static ISignalTransform Build(string op) => op.Split(' ')[0] switch
    {
        "AmplitudeScaling" => new AmplitudeScaling(0.5),
        "RandomPartialWhiteNoise" => new RandomPartialWhiteNoise(1.0, 0.5, 0.5),
        "RandomPartialSineNoise" => new RandomPartialSineNoise(1.0, 0.5, 0.5),
        "RandomPartialSquareNoise" => new RandomPartialSquareNoise(1.0, 0.5, 0.5),
        "RandAugment" => new RandAugment(
            [new AmplitudeScaling(0.5), new AdaptivePowerlineNoise(250), new RandomPartialWhiteNoise(1.0, 0.5, 0.5), new RandomPartialSineNoise(1.0, 0.5, 0.5)],
            level: 10, numLayers: 3, prob: 0.5),
        "RandomResizeCrop" => new RandomResizeCrop(2500, 0.5, 2.0),
        "RandomMask" => new RandomMask(0.3),
        "Cutout" => new Cutout(0.3),
        "RandomShift" => new RandomShift(0.3),
        "RandomBaselineShift" => new RandomBaselineShift(0.5, 3.0),
        "WhiteNoise" => new WhiteNoise(1.0, 0.5),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "no builder for this fixture op"),
    };
}
