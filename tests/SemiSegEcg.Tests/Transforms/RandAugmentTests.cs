using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Parity)]
public sealed class RandAugmentTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Apply_Num_Layers_Distinct_Ops_In_Uniformly_Random_Order_When_Prob_Is_One()
    {
        // Given four counting ops, three layers, probability 1
        var log = new List<int>();
        ISignalTransform[] ops = Enumerable.Range(0, 4).Select(id => (ISignalTransform)new CountingOp(id, log)).ToArray();
        var augment = new RandAugment(ops, level: 10, numLayers: 3, prob: 1.0);
        var random = new SeededRandom(3);
        var orders = new Dictionary<string, int>();
        const int calls = 4800;

        for (int call = 0; call < calls; call++)
        {
            // When called
            log.Clear();
            augment.Apply(new EcgView([1.0, 2.0]), random);

            // Then exactly three distinct ops ran
            Assert.Equal(3, log.Count);
            Assert.Equal(3, log.Distinct().Count());
            string key = string.Join("", log);
            orders[key] = orders.GetValueOrDefault(key) + 1;
        }

        // And all 24 ordered choices occur about equally often (expected 200 each)
        Assert.Equal(24, orders.Count);
        output.WriteLine($"ordered choices: min {orders.Values.Min()}, max {orders.Values.Max()}");
        Assert.All(orders.Values, count => Assert.InRange(count, 140, 260));
    }

    [Fact]
    public void Should_Apply_Each_Chosen_Op_With_Its_Probability_Like_The_Reference()
    {
        // Given four counting ops as configured (3 layers, prob 0.5) and the reference's measured distribution
        var internals = TransformFixtures.Json("augmentation_facts.json").GetProperty("RandAugment_internals");
        var log = new List<int>();
        ISignalTransform[] ops = Enumerable.Range(0, 4).Select(id => (ISignalTransform)new CountingOp(id, log)).ToArray();
        var augment = new RandAugment(ops, level: 10, numLayers: 3, prob: 0.5);
        var random = new SeededRandom(17);
        const int calls = 2000;
        var applied = new int[4];
        var perOp = new int[4];

        // When called 2,000 times
        for (int call = 0; call < calls; call++)
        {
            log.Clear();
            augment.Apply(new EcgView([1.0]), random);
            applied[log.Count]++;
            foreach (int id in log) perOp[id]++;
        }

        // Then the number of applied ops follows Binomial(3, ½) and matches the reference's counts; each op runs in 3/8 of calls
        var theory = internals.GetProperty("expected_binomial_3_0p5");
        var reference = internals.GetProperty("distribution_of_number_of_ops_applied_per_call");
        for (int k = 0; k <= 3; k++)
        {
            double expected = theory.GetProperty(k.ToString()).GetDouble();
            double observed = applied[k] / (double)calls;
            double standardError = Math.Sqrt(expected * (1 - expected) / calls);
            output.WriteLine($"{k} ops: {observed:P1} (theory {expected:P1}, reference {reference.GetProperty(k.ToString()).GetDouble():P1})");
            Assert.True(Math.Abs(observed - expected) < 4 * standardError, $"{k} ops: {observed} vs {expected}");
            Assert.True(Math.Abs(observed - reference.GetProperty(k.ToString()).GetDouble()) < 4 * Math.Sqrt(2) * standardError);
        }
        double opStandardError = Math.Sqrt(0.375 * 0.625 / calls);
        Assert.All(perOp, count => Assert.True(Math.Abs(count / (double)calls - 0.375) < 4 * opStandardError, $"op ran in {count} calls"));
    }

    [Fact]
    public void Should_Leave_About_One_Call_In_Eight_Unchanged_On_A_Real_Lead()
    {
        // Given the shipped strong augmentation built from YAML and the z-scored LUDB lead
        var augment = (RandAugment)TransformFactory.Build(TransformSpecParser.FromYaml(TransformFactoryTests.StrongAugmentationYaml));
        double[] signal = TransformFixtures.StandardizedSignal();
        byte[] label = TransformFixtures.Mask();
        var random = new SeededRandom(23);
        int unchanged = 0;
        const int calls = 2000;

        // When applied 2,000 times
        for (int call = 0; call < calls; call++)
        {
            var view = new EcgView(signal, label);
            EcgView result = augment.Apply(view, random);
            Assert.Same(label, result.Label);
            if (result.Signal.AsSpan().SequenceEqual(signal)) unchanged++;
        }

        // Then ≈ 12.5 % of calls are exact no-ops (reference: 12.1 %)
        double fraction = unchanged / (double)calls;
        output.WriteLine($"exact no-op: {fraction:P2}");
        Assert.True(Math.Abs(fraction - 0.125) < 4 * Math.Sqrt(0.125 * 0.875 / calls));
    }

    [Fact]
    public void Should_Override_Configured_Strength_From_Level()
    {
        // Given ops configured far from their level-5 values, and ops without a level
        ISignalTransform[] ops =
        [
            new AmplitudeScaling(sigma: 0.9),
            new WhiteNoise(amplitude: 7, freq: 3),
            new RandomPartialSineNoise(amplitude: 7, freq: 3, ratio: 0.9),
            new RandomBaselineShift(ratio: 0.9, scale: 9),
            new RandomMask(maskRatio: 0.7),
            new Cutout(maskRatio: 0.6),
            new AdaptivePowerlineNoise(fs: 250, amplitude: 4),
        ];

        // When RandAugment is built at level 5 (m = 0.5)
        var augment = new RandAugment(ops, level: 5, numLayers: 2, prob: 0.25);
        var inner = augment.Ops.Select(op => op.Transform).ToArray();

        // Then the level replaces the configured strengths, mask ops keep theirs, and every op gets prob 0.25
        Assert.Equal(0.25, ((AmplitudeScaling)inner[0]).Sigma);
        Assert.Equal((0.5, 1.0), (((WhiteNoise)inner[1]).Amplitude, ((WhiteNoise)inner[1]).Freq));
        var sine = (RandomPartialSineNoise)inner[2];
        Assert.Equal((0.5, 1.0, 0.25), (sine.Amplitude, sine.Freq, sine.Ratio));
        var baseline = (RandomBaselineShift)inner[3];
        Assert.Equal((0.25, 1.5), (baseline.Ratio, baseline.Scale));
        Assert.Equal(0.7, ((RandomMask)inner[4]).MaskRatio);
        Assert.Equal(0.6, ((Cutout)inner[5]).MaskRatio);
        Assert.Equal(250, ((AdaptivePowerlineNoise)inner[6]).SamplingRateHz);
        Assert.All(augment.Ops, op => Assert.Equal(0.25, op.Probability));
        Assert.True(augment.ChangesLabel);
    }

    [Fact]
    public void Should_Give_Same_Output_For_Same_Seed_And_Different_Output_For_Different_Seed()
    {
        // Given the shipped strong augmentation and a synthetic lead
        var augment = (RandAugment)TransformFactory.Build(TransformSpecParser.FromYaml(TransformFactoryTests.StrongAugmentationYaml));
        double[] signal = Enumerable.Range(0, 2500).Select(n => Math.Sin(n * 0.05) + 0.3 * Math.Sin(n * 0.31)).ToArray();

        // When run twice with seed 1 and once with seed 2 (ten calls each)
        double[][] Run(ulong seed)
        {
            var random = new SeededRandom(seed);
            return Enumerable.Range(0, 10).Select(_ => augment.Apply(new EcgView(signal), random).Signal).ToArray();
        }
        double[][] first = Run(1), again = Run(1), other = Run(2);

        // Then the same seed reproduces every output and another seed does not
        for (int i = 0; i < 10; i++) Assert.Equal(first[i], again[i]);
        Assert.Contains(Enumerable.Range(0, 10), i => !first[i].AsSpan().SequenceEqual(other[i]));
    }

    [Fact]
    public void Should_Reject_Invalid_Construction()
    {
        ISignalTransform[] ops = [new YFlip(), new XFlip()];
        Assert.Throws<TransformArgumentException>(() => new RandAugment(ops, numLayers: 3));
        Assert.Throws<TransformArgumentException>(() => new RandAugment(ops, level: 0, numLayers: 1));
        Assert.Throws<TransformArgumentException>(() => new RandAugment(ops, level: 11, numLayers: 1));
        Assert.Throws<TransformArgumentException>(() => new RandAugment(ops, numLayers: 1, prob: 1.5));
        Assert.Throws<TransformArgumentException>(() => new RandAugment([], numLayers: 1));
    }

    /// <summary>Records its id each time it runs; no level, so RandAugment keeps it as it is.</summary>
    private sealed class CountingOp(int id, List<int> log) : ISignalTransform
    {
        public bool ChangesLabel => false;

        public EcgView Apply(EcgView view, SeededRandom random)
        {
            log.Add(id);
            return view;
        }
    }
}
