using System.Globalization;
using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Tests.Data.Prepare;

[Trait(Category.Trait, Category.Unit)]
public sealed class SubjectSplitterTests
{
    private static readonly string[] LudbSubjects = Enumerable.Range(1, 200).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Should_Split_200_Subjects_60_20_20_Without_Overlap()
    {
        var split = SubjectSplitter.Split(LudbSubjects, seed: 0);

        Assert.Equal(120, split.Train.Count);
        Assert.Equal(40, split.Valid.Count);
        Assert.Equal(40, split.Test.Count);
        Assert.Empty(split.Train.Intersect(split.Valid));
        Assert.Empty(split.Train.Intersect(split.Test));
        Assert.Empty(split.Valid.Intersect(split.Test));
        Assert.Equal(LudbSubjects.OrderBy(s => s), split.Train.Concat(split.Valid).Concat(split.Test).OrderBy(s => s));
    }

    [Fact]
    public void Should_Nest_Labeled_Subsets_Inside_Training_Subjects()
    {
        var split = SubjectSplitter.Split(LudbSubjects, seed: 3);

        Assert.Equal(new[] { 60, 30, 15, 7 }, new[] { 2, 4, 8, 16 }.Select(n => split.LabeledSubjects[n].Count));
        Assert.Subset(split.Train.ToHashSet(), split.LabeledSubjects[2].ToHashSet());
        Assert.Subset(split.LabeledSubjects[2].ToHashSet(), split.LabeledSubjects[4].ToHashSet());
        Assert.Subset(split.LabeledSubjects[4].ToHashSet(), split.LabeledSubjects[8].ToHashSet());
        Assert.Subset(split.LabeledSubjects[8].ToHashSet(), split.LabeledSubjects[16].ToHashSet());
    }

    [Fact]
    public void Should_Depend_Only_On_The_Subject_Set_And_Seed()
    {
        var a = SubjectSplitter.Split(LudbSubjects, seed: 7);
        var b = SubjectSplitter.Split(LudbSubjects.Reverse(), seed: 7);
        var c = SubjectSplitter.Split(LudbSubjects, seed: 8);

        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.LabeledSubjects[16], b.LabeledSubjects[16]);
        Assert.NotEqual(a.Train, c.Train);
    }

    [Fact]
    public void Should_Draw_Independent_Nested_Labeled_Subsets_Of_The_Same_Training_Subjects()
    {
        var split = SubjectSplitter.Split(LudbSubjects, seed: 0);

        var draws = Enumerable.Range(0, 3).Select(d => SubjectSplitter.LabeledDraw(split, seed: 0, d)).ToList();

        Assert.Same(split.LabeledSubjects, draws[0]);
        foreach (var draw in draws)
        {
            Assert.Equal(new[] { 60, 30, 15, 7 }, new[] { 2, 4, 8, 16 }.Select(n => draw[n].Count));
            Assert.Subset(split.Train.ToHashSet(), draw[2].ToHashSet());
            Assert.Subset(draw[2].ToHashSet(), draw[4].ToHashSet());
            Assert.Subset(draw[4].ToHashSet(), draw[8].ToHashSet());
            Assert.Subset(draw[8].ToHashSet(), draw[16].ToHashSet());
        }
        // Independent draws of 7 of 120 subjects share about 0.4 subjects on average; these share at most 2.
        Assert.True(draws[0][16].Intersect(draws[1][16]).Count() <= 2);
        Assert.True(draws[1][16].Intersect(draws[2][16]).Count() <= 2);
        Assert.NotEqual(draws[1][2], draws[2][2]);
    }

    [Fact]
    public void Should_Make_Each_Draw_Depend_Only_On_The_Subject_Set_Seed_And_Draw_Number()
    {
        var a = SubjectSplitter.Split(LudbSubjects, seed: 7);
        var b = SubjectSplitter.Split(LudbSubjects.Reverse(), seed: 7);

        Assert.Equal(SubjectSplitter.LabeledDraw(a, 7, 2)[16], SubjectSplitter.LabeledDraw(b, 7, 2)[16]);
        Assert.NotEqual(SubjectSplitter.LabeledDraw(a, 7, 2)[4], SubjectSplitter.LabeledDraw(a, 8, 2)[4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => SubjectSplitter.LabeledDraw(a, 7, -1));
    }

    [Fact]
    public void Should_Be_Stable_Across_Machines_For_Seed_0()
    {
        // Pinned: a change here silently changes every published split.
        var split = SubjectSplitter.Split(LudbSubjects, seed: 0);

        Assert.Equal(PinnedLabeled16, split.LabeledSubjects[16]);
    }

    [Fact]
    public void Should_Keep_A_Fixed_Test_Set_And_Split_The_Rest_3_To_1()
    {
        var test = LudbSubjects.Take(40).ToArray();
        var split = SubjectSplitter.SplitWithFixedTest(LudbSubjects, test, seed: 0);

        Assert.Equal(test.OrderBy(s => s), split.Test.OrderBy(s => s));
        Assert.Equal(120, split.Train.Count);
        Assert.Equal(40, split.Valid.Count);
    }

    private static readonly string[] PinnedLabeled16 = ["1", "2", "24", "107", "140", "145", "171"];
}
