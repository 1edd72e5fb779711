using SemiSegEcg.Config;

namespace SemiSegEcg.Tests.Config;

[Trait(Category.Trait, Category.Unit)]
public sealed class ConfigBinderTests
{
    public enum Color
    {
        DarkRed,
        [ConfigKey("sky")] LightBlue,
    }

    public sealed record Inner
    {
        public int Size { get; init; } = 7;
        public string? Label { get; init; }
    }

    public sealed record Sample
    {
        public required int Count { get; init; }
        public long Big { get; init; }
        public double Rate { get; init; } = 0.5;
        public float Small { get; init; }
        public bool Enabled { get; init; }
        public string Name { get; init; } = "default-name";
        public string? Note { get; init; }
        public int? MaybeCount { get; init; } = 3;
        public Color Color { get; init; } = Color.DarkRed;
        public IReadOnlyList<int> Strides { get; init; } = [];
        public double[]? Betas { get; init; }
        public List<string>? Tags { get; init; }
        public IReadOnlyList<string?>? Holes { get; init; }
        public Inner Inner { get; init; } = new();
        public Inner? OptionalInner { get; init; }
        public IReadOnlyDictionary<string, ConfigNode>? Extra { get; init; }
        public IReadOnlyDictionary<string, int>? Sizes { get; init; }
        public ConfigNode? Raw { get; init; }
        public ConfigNode RawRequiredShape { get; init; } = ConfigScalar.Null(ConfigSource.Code("test"));
        [ConfigKey("fp16")] public bool HalfPrecision { get; init; }
        [ConfigAlias("eash_thresh")] public double EasyThresh { get; init; } = 0.65;
        public NamedComponent? Component { get; init; }
    }

    public sealed record NeedsName
    {
        public string Name { get; init; } = null!;
    }

    private static ConfigMapping Yaml(string text, string file = "configs/x.yaml") => ConfigReader.ParseMapping(text, file, "/abs/" + file);

    private static ConfigException BindFails(string text) =>
        Assert.Throws<ConfigException>(() => ConfigBinder.Bind<Sample>(Yaml(text), ""));

    [Fact]
    public void Should_Bind_Every_Supported_Type_By_Snake_Case_Key()
    {
        // Given
        var node = Yaml("""
            count: 4
            big: 12345678901
            rate: 1e-4
            small: 2.5
            enabled: True
            name: '007'
            note: ~
            maybe_count: null
            color: sky
            strides: [1, 2, 2, 2]
            betas: [0.9, 0.999]
            tags: [a, b]
            holes: [x, null]
            inner: {size: 9, label: hi}
            extra: {anything: [1, {deep: true}], other: 2}
            sizes: {a: 1, b: 2}
            raw: {resnet18: {num_leads: 1}}
            raw_required_shape: 5
            fp16: true
            eash_thresh: 0.7
            component: {FCNHead: {in_channels: 512}}
            """);

        // When
        var sample = ConfigBinder.Bind<Sample>(node, "");

        // Then
        Assert.Equal(4, sample.Count);
        Assert.Equal(12345678901L, sample.Big);
        Assert.Equal(1e-4, sample.Rate);
        Assert.Equal(2.5f, sample.Small);
        Assert.True(sample.Enabled);
        Assert.Equal("007", sample.Name);
        Assert.Null(sample.Note);
        Assert.Null(sample.MaybeCount);
        Assert.Equal(Color.LightBlue, sample.Color);
        Assert.Equal([1, 2, 2, 2], sample.Strides);
        Assert.Equal([0.9, 0.999], sample.Betas!);
        Assert.Equal(["a", "b"], sample.Tags!);
        Assert.Equal(["x", null], sample.Holes!);
        Assert.Equal(new Inner { Size = 9, Label = "hi" }, sample.Inner);
        Assert.Null(sample.OptionalInner);
        Assert.Equal(["anything", "other"], sample.Extra!.Keys);
        Assert.IsType<ConfigSequence>(sample.Extra["anything"]);
        Assert.Equal(2, sample.Sizes!["b"]);
        Assert.Equal(1L, Assert.IsType<ConfigScalar>(sample.Raw!.Find("resnet18.num_leads")).TryGetInt64(out long leads) ? leads : -1);
        Assert.Equal("5", Assert.IsType<ConfigScalar>(sample.RawRequiredShape).Text);
        Assert.True(sample.HalfPrecision);
        Assert.Equal(0.7, sample.EasyThresh);
        Assert.Equal("FCNHead", sample.Component!.Name);
        Assert.Equal("component.FCNHead", sample.Component.ArgsKeyPath);
    }

    [Fact]
    public void Should_Keep_Initializer_Defaults_When_Keys_Are_Absent()
    {
        var sample = ConfigBinder.Bind<Sample>(Yaml("count: 1"), "");

        Assert.Equal(0.5, sample.Rate);
        Assert.Equal("default-name", sample.Name);
        Assert.Equal(3, sample.MaybeCount);
        Assert.Equal(Color.DarkRed, sample.Color);
        Assert.Equal(7, sample.Inner.Size);
        Assert.Equal(0.65, sample.EasyThresh);
    }

    [Fact]
    public void Should_Name_Key_File_Line_And_Suggestion_When_Key_Is_Unknown()
    {
        // Given a typo on line 3, nested one level
        var error = BindFails("""
            count: 1
            inner:
              sise: 3
            """);

        // Then
        Assert.Equal("inner.sise", error.KeyPath);
        Assert.Equal("configs/x.yaml", error.FilePath);
        Assert.Equal(3, error.Line);
        Assert.Contains("unknown key 'inner.sise' in configs/x.yaml line 3; did you mean 'size'?", error.Message);
        Assert.Contains("valid keys under 'inner': size, label", error.Message);
    }

    [Fact]
    public void Should_List_Valid_Keys_Without_Suggestion_When_Nothing_Is_Close()
    {
        var error = BindFails("count: 1\ncompletely_unrelated_key: 3");

        Assert.DoesNotContain("did you mean", error.Message);
        Assert.Contains("valid top-level keys: count, big, rate", error.Message);
    }

    [Theory]
    [InlineData("count: abc", "count", "expected an integer, got 'abc'")]
    [InlineData("count: 2.5", "count", "expected an integer, got '2.5'")]
    [InlineData("count: '3'", "count", "expected an integer, got '3'")]
    [InlineData("count: 99999999999", "count", "expected an integer between")]
    [InlineData("count: 1\nrate: fast", "rate", "expected a number, got 'fast'")]
    [InlineData("count: 1\nenabled: yes", "enabled", "expected true or false, got 'yes'")]
    [InlineData("count: 1\ncolor: blue", "color", "expected one of: dark_red, sky, got 'blue'")]
    [InlineData("count: 1\ncolor: dark_ref", "color", "did you mean 'dark_red'?")]
    [InlineData("count: 1\nstrides: 3", "strides", "expected a list, got '3'")]
    [InlineData("count: 1\nstrides: [1, x]", "strides[1]", "expected an integer, got 'x'")]
    [InlineData("count: 1\ninner: 5", "inner", "expected a mapping with keys: size, label, got '5'")]
    [InlineData("count: 1\nname: [a]", "name", "expected a string, got a list of 1 item(s)")]
    [InlineData("count: 1\nname: null", "name", "expected a string, got null")]
    [InlineData("count: 1\ninner: null", "inner", "expected a mapping with keys: size, label, got null")]
    [InlineData("count: 1\ncomponent: {a: 1, b: 2}", "component", "expected a one-key mapping")]
    [InlineData("count: 1\ncomponent: {FCNHead: 3}", "component.FCNHead", "expected a mapping of arguments")]
    public void Should_Name_Key_Path_Expected_Type_And_Value_When_Type_Is_Wrong(string yaml, string keyPath, string expected)
    {
        var error = BindFails(yaml);

        Assert.Equal(keyPath, error.KeyPath);
        Assert.Equal("configs/x.yaml", error.FilePath);
        Assert.NotNull(error.Line);
        Assert.Contains($"'{keyPath}' in configs/x.yaml line {error.Line}: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Should_Report_Missing_Required_Key()
    {
        var error = BindFails("rate: 0.1");

        Assert.Equal("count", error.KeyPath);
        Assert.Contains("missing required key 'count' (an integer)", error.Message);
        Assert.Contains("configs/x.yaml line 1", error.Message);
    }

    [Fact]
    public void Should_Report_Missing_Key_When_Non_Nullable_Reference_Has_No_Default()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigBinder.Bind<NeedsName>(Yaml("{}"), "outer"));

        Assert.Equal("outer.name", error.KeyPath);
        Assert.Contains("missing required key 'outer.name'", error.Message);
    }

    [Fact]
    public void Should_Reject_Both_Spellings_Of_An_Aliased_Key()
    {
        var error = BindFails("count: 1\neasy_thresh: 0.6\neash_thresh: 0.7");

        Assert.Equal("eash_thresh", error.KeyPath);
        Assert.Equal(3, error.Line);
        Assert.Contains("'easy_thresh' (configs/x.yaml line 2) and 'eash_thresh' (configs/x.yaml line 3) are two spellings of the same key", error.Message);
    }

    [Fact]
    public void Should_Bind_Named_Component_Arguments_With_Full_Key_Paths()
    {
        // Given
        var component = ConfigBinder.Bind<NamedComponent>(Yaml("resnet18: {size: 3, labl: x}"), "backbone");

        // When
        var error = Assert.Throws<ConfigException>(() => component.BindArgs<Inner>());

        // Then
        Assert.Equal("resnet18", component.Name);
        Assert.Equal("backbone.resnet18.labl", error.KeyPath);
        Assert.Contains("did you mean 'label'?", error.Message);
    }

    [Fact]
    public void Should_Accept_A_Bare_Name_As_Component_Without_Arguments()
    {
        var sample = ConfigBinder.Bind<Sample>(Yaml("count: 1\ncomponent: FCNHead"), "");

        Assert.Equal("FCNHead", sample.Component!.Name);
        Assert.Equal(0, sample.Component.Args.Count);
    }

    [Theory]
    [InlineData("WarmupEpochs", "warmup_epochs")]
    [InlineData("Fp16Enabled", "fp16_enabled")]
    [InlineData("Lr", "lr")]
    [InlineData("TrainLabeledCsv", "train_labeled_csv")]
    [InlineData("HTTPServer", "http_server")]
    public void Should_Convert_Pascal_Case_To_Snake_Case(string pascal, string snake) =>
        Assert.Equal(snake, ConfigBinder.ToSnakeCase(pascal));

    [Fact]
    public void Should_Name_Enum_Values_By_Config_Spelling()
    {
        Assert.Equal("adamw", ConfigBinder.NameOf(OptimizerKind.AdamW));
        Assert.Equal("cuda", ConfigBinder.NameOf(DeviceKind.Cuda));
        Assert.Equal(["adamw", "sgd"], ConfigBinder.NamesOf(typeof(OptimizerKind)));
    }
}
