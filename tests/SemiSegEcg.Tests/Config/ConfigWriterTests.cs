using SemiSegEcg.Config;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

[Trait(Category.Trait, Category.Unit)]
public sealed class ConfigWriterTests
{
    [Fact]
    public void Should_Round_Trip_Scalars_Styles_Tags_And_Nesting()
    {
        // Given: text whose meaning depends on quoting, tags and null spellings
        var node = ConfigReader.ParseMapping("""
            a: null
            b: ~
            c:
            d: 'null'
            e: "3"
            f: !!str true
            g: 1.0e-4
            h: [1, '2', null, "x y"]
            i: {}
            j: []
            k:
              - highpass_filter: {fs: 250, cutoff: 0.67}
              - to_tensor
            l: "line1\nline2 \"quoted\" # not a comment"
            m: |
              literal
              block
            n: -1
            o: 'it''s'
            """, "t.yaml");

        // When
        string yaml = ConfigWriter.ToYaml(node);
        var back = ConfigReader.ParseMapping(yaml, "back.yaml");

        // Then
        Assert.True(node.ContentEquals(back), yaml);
        Assert.Equal(yaml, ConfigWriter.ToYaml(back));
        Assert.Contains("h: [1, \"2\", null, \"x y\"]", yaml);
        Assert.DoesNotContain("...", yaml);
    }

    [Fact]
    public void Should_Detect_A_Changed_Meaning_In_Content_Equality()
    {
        var plain = ConfigReader.ParseMapping("a: 3", "t.yaml");
        var quoted = ConfigReader.ParseMapping("a: '3'", "t.yaml");

        Assert.False(plain.ContentEquals(quoted));
        Assert.False(plain.ContentEquals(ConfigReader.ParseMapping("a: 4", "t.yaml")));
        Assert.False(plain.ContentEquals(ConfigReader.ParseMapping("b: 3", "t.yaml")));
        Assert.True(plain.ContentEquals(ConfigReader.ParseMapping("# other file\na:   3\n", "u.yaml")));
    }

    [Fact]
    public void Should_Save_Atomically_To_A_File_That_Loads_Back()
    {
        using var tmp = new TempDirectory();
        var node = ConfigReader.ParseMapping("train: {epochs: 3}", "t.yaml");

        ConfigWriter.Save(tmp.File("run/config.yaml"), node);

        Assert.True(node.ContentEquals(ConfigReader.ReadFile(tmp.File("run/config.yaml"))));
        Assert.Single(Directory.GetFiles(tmp.File("run")));
    }
}
