using SemiSegEcg.Delineation;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class LeadDisplayNamesTests
{
    [Theory]
    [InlineData("i", "I")]
    [InlineData("ii", "II")]
    [InlineData("III", "III")]
    [InlineData("avr", "aVR")]
    [InlineData("AVL", "aVL")]
    [InlineData("aVF", "aVF")]
    [InlineData("v1", "V1")]
    [InlineData("V6", "V6")]
    [InlineData("v4r", "V4R")]
    [InlineData("ECG II", "II")]
    [InlineData("Lead V1", "V1")]
    [InlineData("ecg_avf", "aVF")]
    [InlineData("mlii", "MLII")]
    [InlineData("MLII", "MLII")]
    [InlineData("mv1", "MV1")]
    [InlineData(" v5 ", "V5")]
    public void Should_Show_The_Usual_Name_Of_A_Known_Lead_Spelling(string spelling, string display) =>
        Assert.Equal(display, LeadDisplayNames.Display(spelling));

    [Theory]
    [InlineData("lead1")]
    [InlineData("Resp")]
    [InlineData("v10")]
    [InlineData("ECG")]
    [InlineData("iv")]
    public void Should_Keep_An_Unknown_Lead_Name_As_Given(string name) =>
        Assert.Equal(name, LeadDisplayNames.Display(name));
}
