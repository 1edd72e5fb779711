using SemiSegEcg.Config;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

[Trait(Category.Trait, Category.Unit)]
public sealed class ConfigReaderTests
{
    private static ConfigScalar ScalarAt(ConfigNode root, string key) => Assert.IsType<ConfigScalar>(root.Find(key));

    [Fact]
    public void Should_Distinguish_Null_Booleans_Numbers_And_Quoted_Strings()
    {
        // Given
        var root = ConfigReader.ParseMapping("""
            a: null
            b: ~
            c:
            d: 'null'
            e: true
            f: "true"
            g: 1e-4
            h: '3'
            i: !!str 3
            j: 0x1F
            k: .inf
            l: 1.0e-3
            """, "t.yaml");

        // Then
        Assert.True(root.Find("a")!.IsNull);
        Assert.True(root.Find("b")!.IsNull);
        Assert.True(root.Find("c")!.IsNull);
        Assert.False(root.Find("d")!.IsNull);
        Assert.True(ScalarAt(root, "d").IsExplicitString);
        Assert.True(ScalarAt(root, "e").TryGetBoolean(out bool e) && e);
        Assert.False(ScalarAt(root, "f").TryGetBoolean(out _));
        Assert.True(ScalarAt(root, "g").TryGetDouble(out double g) && g == 1e-4);
        Assert.False(ScalarAt(root, "h").TryGetInt64(out _));
        Assert.False(ScalarAt(root, "i").TryGetInt64(out _));
        Assert.Equal(ConfigScalar.StrTag, ScalarAt(root, "i").Tag);
        Assert.True(ScalarAt(root, "j").TryGetInt64(out long j) && j == 31);
        Assert.True(ScalarAt(root, "k").TryGetDouble(out double k) && double.IsPositiveInfinity(k));
        Assert.True(ScalarAt(root, "l").TryGetDouble(out double l) && l == 1e-3);
        Assert.False(ScalarAt(root, "l").TryGetInt64(out _));
    }

    [Fact]
    public void Should_Remember_File_And_Line_Of_Every_Node()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("c.yaml"), "# comment\ntrain:\n  epochs: 3\n  betas: [0.9, 0.999]\n");

        var root = ConfigReader.ReadFile(tmp.File("c.yaml"));

        ConfigNode epochs = root.Find("train.epochs")!;
        Assert.Equal(tmp.File("c.yaml"), epochs.Source.Name);
        Assert.Equal(Path.GetFullPath(tmp.File("c.yaml")), epochs.Source.FilePath);
        Assert.Equal(3, epochs.Source.Line);
        Assert.Equal(4, root.Find("train.betas")!.Source.Line);
        Assert.Equal(2, ((ConfigMapping)root).GetEntry("train")!.KeySource.Line);
    }

    [Fact]
    public void Should_Read_An_Empty_File_As_An_Empty_Mapping()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("empty.yaml"), "# nothing here\n");

        Assert.Equal(0, ConfigReader.ReadFile(tmp.File("empty.yaml")).Count);
    }

    [Theory]
    [InlineData("a: 1\nb: [1, 2\nc: 3\n", "invalid YAML")]
    [InlineData("a: 1\n  b: 2\n", "t.yaml line 2: invalid YAML")]
    [InlineData("a: 1\nb: 2\na: 3\n", "uplicate key")]
    [InlineData("a: 1\n---\nb: 2\n", "expected one YAML document, found 2")]
    [InlineData("- 1\n- 2\n", "the top level must be a mapping of keys, got a list of 2 item(s)")]
    [InlineData("a: !!python/tuple [1, 2]\n", "unsupported YAML tag")]
    [InlineData("a: !!binary aGk=\n", "unsupported YAML tag")]
    public void Should_Reject_Bad_Yaml_Naming_The_Source(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigReader.ParseMapping(yaml, "t.yaml", "/abs/t.yaml"));

        Assert.Contains("t.yaml", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Should_Name_The_Path_When_The_File_Is_Missing()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigReader.ReadFile("no/such/config.yaml"));

        Assert.Equal("no/such/config.yaml", error.FilePath);
        Assert.Contains("config file 'no/such/config.yaml' not found", error.Message);
    }
}
