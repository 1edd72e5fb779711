using SemiSegEcg.Randomness;
using SemiSegEcg.Signal;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

/// <summary>The contract every transform keeps: inputs are never written, labels pass untouched unless the op changes them, seeds reproduce, threads don't interfere.</summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class ISignalTransformTests
{
    public static TheoryData<string> AllOps() => [.. Ops().Keys];

    private static Dictionary<string, ISignalTransform> Ops() => new()
    {
        ["resample"] = new Resample(targetLength: 2000),
        ["resample_interp"] = new Resample(targetFs: 300, fs: 250, method: ResampleMethod.Interp),
        ["highpass"] = new ButterworthFilter(250, 0.67, FilterType.Highpass),
        ["standardize"] = new Standardize(),
        ["to_tensor"] = new ToTensor(),
        ["random_crop"] = new RandomCrop(1000),
        ["center_crop"] = new CenterCrop(1000),
        ["random_resize_crop"] = new RandomResizeCrop(),
        ["amplitude_scaling"] = new AmplitudeScaling(),
        ["powerline"] = new AdaptivePowerlineNoise(250),
        ["white"] = new WhiteNoise(),
        ["sine"] = new SineNoise(),
        ["square"] = new SquareNoise(),
        ["partial_white"] = new RandomPartialWhiteNoise(),
        ["partial_sine"] = new RandomPartialSineNoise(),
        ["partial_square"] = new RandomPartialSquareNoise(),
        ["baseline"] = new RandomBaselineShift(),
        ["xflip"] = new XFlip(),
        ["yflip"] = new YFlip(),
        ["drop"] = new RandomMask(),
        ["cutout"] = new Cutout(),
        ["shift"] = new RandomShift(),
        ["random_apply"] = new RandomApply(new XFlip(), 0.5),
        ["rand_augment"] = new RandAugment([new AmplitudeScaling(), new AdaptivePowerlineNoise(250), new RandomPartialWhiteNoise(), new RandomPartialSineNoise()]),
        ["compose"] = new Compose([new RandomResizeCrop(), new AmplitudeScaling()]),
    };

    [Theory]
    [MemberData(nameof(AllOps))]
    public void Should_Never_Write_Into_The_Input_And_Pass_The_Label_On_When_Not_Label_Changing(string name)
    {
        // Given a lead with a label that has unknown (255) regions, and copies of both
        ISignalTransform op = Ops()[name];
        (double[] signal, byte[] label) = SyntheticLead();
        double[] signalCopy = (double[])signal.Clone();
        byte[] labelCopy = (byte[])label.Clone();
        var random = new SeededRandom(31);

        for (int call = 0; call < 20; call++)
        {
            // When applied
            var view = new EcgView(signal, label);
            EcgView result = op.Apply(view, random);

            // Then the input arrays are unchanged; a signal-only op hands on the very same label array,
            // a label-changing op returns a label of the output's length
            Assert.Equal(signalCopy, signal);
            Assert.Equal(labelCopy, label);
            if (!op.ChangesLabel) Assert.Same(label, result.Label);
            else Assert.Equal(result.LengthSamples, result.Label!.Length);
        }
    }

    [Theory]
    [MemberData(nameof(AllOps))]
    public void Should_Reproduce_Output_For_The_Same_Seed(string name)
    {
        ISignalTransform op = Ops()[name];
        (double[] signal, byte[] label) = SyntheticLead();
        EcgView first = op.Apply(new EcgView(signal, label), new SeededRandom(5));
        EcgView again = op.Apply(new EcgView(signal, label), new SeededRandom(5));
        Assert.Equal(first.Signal, again.Signal);
        Assert.Equal(first.Label, again.Label);
    }

    [Fact]
    public void Should_Give_Same_Results_From_Parallel_Workers_As_Sequentially()
    {
        // Given the weak + strong pipeline shared by all workers, each item with its own derived generator
        var weak = new RandomResizeCrop();
        var strong = new RandAugment([new AmplitudeScaling(), new AdaptivePowerlineNoise(250), new RandomPartialWhiteNoise(), new RandomPartialSineNoise()]);
        (double[] signal, byte[] label) = SyntheticLead();
        double[] Item(int i)
        {
            SeededRandom random = SeededRandom.Derive(42, i);
            EcgView weakView = weak.Apply(new EcgView(signal, label), random);
            return strong.Apply(weakView, random).Signal;
        }

        // When 64 items are produced sequentially and then from parallel threads
        double[][] sequential = Enumerable.Range(0, 64).Select(Item).ToArray();
        var parallel = new double[64][];
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Item(i));

        // Then every item is identical
        for (int i = 0; i < 64; i++) Assert.Equal(sequential[i], parallel[i]);
    }

    private static (double[] Signal, byte[] Label) SyntheticLead()
    {
        double[] signal = Enumerable.Range(0, 2500).Select(n => Math.Sin(2 * Math.PI * n / 200) + 0.2 * Math.Cos(n * 0.9)).ToArray();
        byte[] label = Enumerable.Range(0, 2500).Select(n => n < 100 || n >= 2400 ? (byte)255 : (byte)(n / 50 % 4)).ToArray();
        return (signal, label);
    }
}
