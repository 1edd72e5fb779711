using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Pickle;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Index;

/// <summary>The original reads an index path ending in <c>.pkl</c> as a pickled pandas DataFrame; so do we, safely.</summary>
[Trait(Category.Trait, Category.Parity)]
public sealed class IndexCsvTests
{
    private static string Fixture(string name) => Path.Combine(SharedData.PickleFixtures, name);

    [Fact]
    public void Should_Read_A_Pickled_DataFrame_Index_As_The_Same_Entries_As_Its_Csv()
    {
        var fromCsv = IndexCsv.Read(Fixture("index.csv"), requireLabels: true);

        var fromPickle = IndexCsv.Read(Fixture("index_pandas.pkl"), requireLabels: true);

        Assert.NotEmpty(fromCsv);
        Assert.Equal(fromCsv, fromPickle);
    }

    [Fact]
    public void Should_Refuse_A_Pickle_Index_That_Would_Run_Code_Naming_The_Global()
    {
        using var dir = new TempDirectory();
        string index = Path.Combine(dir.Path, "LUDB_test.pkl");
        File.Copy(Fixture("malicious_os_system.pkl"), index);

        var error = Assert.Throws<PickleSecurityException>(() => IndexCsv.Read(index));

        Assert.Contains("LUDB_test.pkl", error.Message, StringComparison.Ordinal);
        Assert.Contains("system", error.GlobalName, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_The_Missing_Label_Column_Of_A_Pickled_Index()
    {
        var error = Assert.Throws<InvalidDataException>(() => IndexCsv.Read(Fixture("index_pandas.pkl"), labelColumn: "mask", requireLabels: true));

        Assert.Contains("index_pandas.pkl: column 'mask' is missing", error.Message, StringComparison.Ordinal);
    }
}
