using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Tests.Data.Wfdb;

[Trait(Category.Trait, Category.Unit)]
public sealed class AnnotationCodesTests
{
    [Fact]
    public void Should_Map_Every_Standard_Code_To_Its_Ecgcodes_Symbol()
    {
        // ecgcodes.h / annstr(), codes 1–41 (15 and 17 are unassigned).
        const string symbols = "NLRaVFJASEj/Q~?|?sT*D\"=pB^t+u?![]en@xf()r";
        for (int code = 1; code <= 41; code++)
        {
            if (code is 15 or 17) continue;
            Assert.Equal(symbols[code - 1].ToString(), AnnotationCodes.Symbol(code));
            Assert.Equal(code, AnnotationCodes.Code(symbols[code - 1].ToString()));
        }
    }

    [Fact]
    public void Should_Match_The_Codes_The_Delineation_Pipeline_Uses()
    {
        Assert.Equal(1, AnnotationCodes.Code("N"));
        Assert.Equal(24, AnnotationCodes.Code("p"));
        Assert.Equal(27, AnnotationCodes.Code("t"));
        Assert.Equal(29, AnnotationCodes.Code("u"));
        Assert.Equal(39, AnnotationCodes.Code("("));
        Assert.Equal(40, AnnotationCodes.Code(")"));
        Assert.Equal(30, AnnotationCodes.Code("?"));
        Assert.Equal(22, AnnotationCodes.Code("\""));
        Assert.Equal("PWAVE", AnnotationCodes.Mnemonic(24));
        Assert.Equal("WFON", AnnotationCodes.Mnemonic(AnnotationCodes.WaveformOnset));
        Assert.Equal(35, AnnotationCodes.Code("n"));
    }

    [Fact]
    public void Should_Print_Unassigned_Codes_In_Brackets_And_Parse_Them_Back()
    {
        Assert.Equal("[15]", AnnotationCodes.Symbol(15));
        Assert.Equal("[42]", AnnotationCodes.Symbol(42));
        Assert.Equal(42, AnnotationCodes.Code("[42]"));
        Assert.Null(AnnotationCodes.Mnemonic(17));
        Assert.False(AnnotationCodes.TryGetCode("[60]", out _));
        var error = Assert.Throws<ArgumentException>(() => AnnotationCodes.Code("QRS"));
        Assert.Contains("'QRS'", error.Message);
    }
}
