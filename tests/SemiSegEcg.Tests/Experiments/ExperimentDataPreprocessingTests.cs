using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Signal;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>The preprocessing a config trains with (<see cref="ExperimentData.Preprocessing"/>): from <c>dataset.signal_length</c> and <c>dataset.filter</c>.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ExperimentDataPreprocessingTests
{
    [Fact]
    public void Should_Give_The_Shipped_Preprocessing_For_Every_Shipped_Config()
    {
        foreach (string model in ShippedConfigNames.AllModels)
        {
            foreach (string algorithm in ShippedConfigNames.Algorithms)
            {
                var preprocessing = ExperimentData.Preprocessing(Load(model, algorithm));

                Assert.Equal(Preprocessing.Shipped, preprocessing);
            }
        }
        Assert.Equal("2500 samples at 250 Hz, high-pass 0.67 Hz (order 5), low-pass 40 Hz (order 5), z-score, 1 lead", Preprocessing.Shipped.Describe());
    }

    [Fact]
    public void Should_Take_Length_Rate_Filters_And_Orders_From_The_Config()
    {
        var config = Load("resnet18", "scratch", "dataset.signal_length=5000",
            "dataset.filter=[{sos_filter: {fs: 500, cutoff: 1.5, btype: high, order: 3}}, {lowpass_filter: {fs: 500, cutoff: 100}}]");

        var preprocessing = ExperimentData.Preprocessing(config);

        Assert.Equal(5000, preprocessing.LengthSamples);
        Assert.Equal(500, preprocessing.SamplingRateHz);
        Assert.Equal([new FilterStage(FilterType.Highpass, 1.5, 3), new FilterStage(FilterType.Lowpass, 100)], preprocessing.Filters);
        Assert.Equal(10, preprocessing.DurationSeconds);
    }

    [Fact]
    public void Should_Run_At_Signal_Length_Over_Ten_Seconds_And_Filter_Nothing_Without_Filters()
    {
        var config = Load("resnet18", "scratch", "dataset.signal_length=1000", "dataset.filter=null");
        double[] signal = Enumerable.Range(0, 2000).Select(i => Math.Sin(i / 7.0) + i * 1e-3).ToArray();

        var preprocessing = ExperimentData.Preprocessing(config);
        double[] processed = new EcgPreprocessor(preprocessing).ResampleAndFilter(signal);

        Assert.Equal(100, preprocessing.SamplingRateHz);
        Assert.Empty(preprocessing.Filters);
        Assert.Equal(FourierResampler.Resample(signal, 1000), processed);
    }

    [Fact]
    public void Should_Refuse_An_Op_That_Is_Not_A_Filter_And_Filters_At_Two_Rates_By_Name()
    {
        var notAFilter = Load("resnet18", "scratch", "dataset.filter=[{highpass_filter: {fs: 250, cutoff: 0.67}}, {white_noise: {amplitude: 0.1}}]");
        var twoRates = Load("resnet18", "scratch", "dataset.filter=[{highpass_filter: {fs: 250, cutoff: 0.67}}, {lowpass_filter: {fs: 500, cutoff: 40}}]");
        var tooShort = Load("resnet18", "scratch", "dataset.signal_length=10");

        var noise = Assert.Throws<ConfigException>(() => ExperimentData.Preprocessing(notAFilter));
        var rates = Assert.Throws<ConfigException>(() => ExperimentData.Preprocessing(twoRates));
        var length = Assert.Throws<ConfigException>(() => ExperimentData.Preprocessing(tooShort));

        Assert.Equal("dataset.filter[1]", noise.KeyPath);
        Assert.Contains("WhiteNoise is not a Butterworth filter", noise.Message);
        Assert.Equal("dataset.filter[1]", rates.KeyPath);
        Assert.Contains("fs is 500 Hz but dataset.filter[0] has 250 Hz", rates.Message);
        Assert.Contains("length 10 samples does not exceed the pad length", length.Message);
    }

    private static ExperimentConfig Load(string model, string algorithm, params string[] set) =>
        ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", model, $"{algorithm}.yaml"), null, new CliOverrides { Set = set }).Config;
}
