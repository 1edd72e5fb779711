using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class TransformSpecParserTests
{
    [Fact]
    public void Should_Parse_Shipped_Strong_Block_Into_Nested_Specs()
    {
        // When the shipped strong block is parsed
        IReadOnlyList<TransformSpec> specs = TransformSpecParser.FromYaml(TransformFactoryTests.StrongAugmentationYaml);

        // Then it is one RandAugment spec with typed scalars and four nested op specs
        TransformSpec spec = Assert.Single(specs);
        Assert.Equal("RandAugment", spec.Name);
        Assert.Equal(10L, spec.Args["level"]);
        Assert.Equal(0.5, spec.Args["prob"]);
        var ops = Assert.IsAssignableFrom<IReadOnlyList<object?>>(spec.Args["ops"]).Cast<TransformSpec>().ToArray();
        Assert.Equal(["amplitude_scaling", "adaptive_powerline_noise", "partial_white_noise", "partial_sine_noise"], ops.Select(o => o.Name));
        Assert.Equal(250L, ops[1].Args["fs"]);
        Assert.Equal(1.0, ops[2].Args["amplitude"]);
    }

    [Fact]
    public void Should_Parse_Filter_Block_In_Order()
    {
        IReadOnlyList<TransformSpec> specs = TransformSpecParser.FromYaml(TransformFactoryTests.FilterYaml);
        Assert.Equal(["highpass_filter", "lowpass_filter"], specs.Select(s => s.Name));
        Assert.Equal(0.67, specs[0].Args["cutoff"]);
        Assert.Equal(40L, specs[1].Args["cutoff"]);
    }

    [Fact]
    public void Should_Type_Plain_Scalars_And_Keep_Quoted_Ones_As_Strings()
    {
        var spec = Assert.Single(TransformSpecParser.FromYaml("- op: {a: 3, b: -2.5, c: true, d: ~, e: '7', f: text, g: 1e-3, h: [-1, -2]}"));
        Assert.Equal(3L, spec.Args["a"]);
        Assert.Equal(-2.5, spec.Args["b"]);
        Assert.Equal(true, spec.Args["c"]);
        Assert.Null(spec.Args["d"]);
        Assert.Equal("7", spec.Args["e"]);
        Assert.Equal("text", spec.Args["f"]);
        Assert.Equal(1e-3, spec.Args["g"]);
        Assert.Equal(new object?[] { -1L, -2L }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(spec.Args["h"]));
    }

    [Fact]
    public void Should_Accept_Bare_Names_Null_Kwargs_And_A_Multi_Key_Mapping()
    {
        Assert.Equal(["xflip", "yflip"], TransformSpecParser.FromYaml("- xflip\n- yflip:\n").Select(s => s.Name));
        var mapping = TransformSpecParser.FromYaml("highpass_filter: {fs: 250, cutoff: 0.67}\nlowpass_filter: {fs: 250, cutoff: 40}");
        Assert.Equal(["highpass_filter", "lowpass_filter"], mapping.Select(s => s.Name));
        Assert.Empty(TransformSpecParser.FromYaml(""));
    }

    [Fact]
    public void Should_Point_At_The_Line_When_A_List_Entry_Has_Misindented_Arguments()
    {
        // Given arguments written beside the name instead of under it
        const string yaml = "- amplitude_scaling: {sigma: 0.5}\n- random_resize_crop:\n  target_length: 2500\n";

        var error = Assert.Throws<TransformSpecException>(() => TransformSpecParser.FromYaml(yaml));

        Assert.Contains("line 2", error.Message);
        Assert.Contains("one-key mapping", error.Message);
    }

    [Fact]
    public void Should_Report_Malformed_Yaml_With_Position()
    {
        var error = Assert.Throws<TransformSpecException>(() => TransformSpecParser.FromYaml("- a: [1, 2\n- b: {c: 1}\n  d: ]"));
        Assert.Contains("line", error.Message);
        Assert.Throws<TransformSpecException>(() => TransformSpecParser.FromYaml("- a: {b: 1\n- c"));
    }

    [Fact]
    public void Should_Reject_Non_Mapping_Arguments()
    {
        var error = Assert.Throws<TransformSpecException>(() => TransformSpecParser.FromYaml("- amplitude_scaling: 0.5"));
        Assert.Contains("must be a mapping", error.Message);
    }
}
