using SemiSegEcg.Config;

namespace SemiSegEcg.Tests.Config;

[Trait(Category.Trait, Category.Unit)]
public sealed class ConfigMergerTests
{
    private static ConfigMapping Yaml(string text, string file) => ConfigReader.ParseMapping(text, file, "/abs/" + file);

    private static readonly ConfigMapping Base = Yaml("""
        seed: 0
        train:
          epochs: 100
          optimizer_kwargs:
            betas: [0.9, 0.999]
            eps: 1.0e-8
          lr: 1.0e-3
        dataset:
          filter:
            - highpass_filter: {fs: 250}
            - lowpass_filter: {fs: 250}
        """, "base.yaml");

    [Fact]
    public void Should_Merge_Mappings_Key_By_Key_And_Keep_Each_Values_Source()
    {
        // Given
        var overrides = Yaml("train:\n  optimizer_kwargs:\n    eps: 1.0e-6\n  warmup_epochs: 5\n", "over.yaml");

        // When
        ConfigNode merged = ConfigMerger.Merge(Base, overrides);

        // Then: untouched siblings survive at every level, new keys are appended, sources follow the values
        Assert.Equal("1.0e-6", ((ConfigScalar)merged.Find("train.optimizer_kwargs.eps")!).Text);
        Assert.Equal("over.yaml", merged.Find("train.optimizer_kwargs.eps")!.Source.Name);
        Assert.Equal(2, ((ConfigSequence)merged.Find("train.optimizer_kwargs.betas")!).Items.Count);
        Assert.Equal("base.yaml", merged.Find("train.optimizer_kwargs.betas")!.Source.Name);
        Assert.Equal("100", ((ConfigScalar)merged.Find("train.epochs")!).Text);
        Assert.Equal(["epochs", "optimizer_kwargs", "lr", "warmup_epochs"], ((ConfigMapping)merged.Find("train")!).Keys);
        Assert.Equal("over.yaml", merged.Find("train.warmup_epochs")!.Source.Name);
    }

    [Fact]
    public void Should_Replace_Lists_Wholesale()
    {
        var overrides = Yaml("train:\n  optimizer_kwargs:\n    betas: [0.5]\ndataset:\n  filter:\n    - lowpass_filter: {fs: 500}\n", "over.yaml");

        ConfigNode merged = ConfigMerger.Merge(Base, overrides);

        Assert.Equal("[0.5]\n", ConfigWriter.ToYaml(merged.Find("train.optimizer_kwargs.betas")!));
        var filter = Assert.IsType<ConfigSequence>(merged.Find("dataset.filter"));
        Assert.Single(filter.Items);
        Assert.Null(filter.Items[0].Find("lowpass_filter.cutoff"));
        Assert.Equal("500", ((ConfigScalar)filter.Items[0].Find("lowpass_filter.fs")!).Text);
    }

    [Fact]
    public void Should_Replace_Scalars_And_Let_Null_Override_Anything()
    {
        var overrides = Yaml("seed: 7\ntrain:\n  optimizer_kwargs: null\ndataset: ~\n", "over.yaml");

        ConfigNode merged = ConfigMerger.Merge(Base, overrides);

        Assert.Equal("7", ((ConfigScalar)merged.Find("seed")!).Text);
        Assert.True(merged.Find("train.optimizer_kwargs")!.IsNull);
        Assert.True(merged.Find("dataset")!.IsNull);
        Assert.Equal("100", ((ConfigScalar)merged.Find("train.epochs")!).Text);
    }

    [Fact]
    public void Should_Replace_A_Scalar_With_A_Mapping_And_A_Mapping_With_A_Scalar()
    {
        var overrides = Yaml("seed: {value: 1}\ntrain: 3\n", "over.yaml");

        ConfigNode merged = ConfigMerger.Merge(Base, overrides);

        Assert.Equal("1", ((ConfigScalar)merged.Find("seed.value")!).Text);
        Assert.Equal("3", ((ConfigScalar)merged.Find("train")!).Text);
    }

    [Fact]
    public void Should_Not_Modify_Its_Inputs()
    {
        string before = ConfigWriter.ToYaml(Base);

        ConfigMerger.Merge(Base, Yaml("train: {epochs: 1}", "over.yaml"));

        Assert.Equal(before, ConfigWriter.ToYaml(Base));
    }

    [Fact]
    public void Should_Build_A_One_Path_Mapping_For_A_Dotted_Key()
    {
        var value = ConfigScalar.Plain("3", ConfigSource.Code("--set train.epochs=3"));

        ConfigNode merged = ConfigMerger.Merge(Base, ConfigMerger.PathMapping("train.epochs", value));

        Assert.Same(value, merged.Find("train.epochs"));
        Assert.Throws<ConfigException>(() => ConfigMerger.PathMapping("train..epochs", value));
    }
}
