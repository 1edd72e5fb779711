using System.Globalization;
using SemiSegEcg.Data.Pickle;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Pickle;

[Trait(Category.Trait, Category.Parity)]
public sealed class PandasFramePickleReaderTests
{
    private static string Fixture(string name) => Path.Combine(SharedData.PickleFixtures, name);

    [Fact]
    public void Should_Read_The_Same_Rows_As_The_Csv_Index()
    {
        // Given: the CSV index (simple, unquoted fixture) and the same index as a pickled DataFrame
        string[] lines = File.ReadAllLines(Fixture("index.csv")).Where(l => l.Length > 0).ToArray();
        string[] header = lines[0].Split(',');
        string[][] rows = lines[1..].Select(l => l.Split(',')).ToArray();

        // When
        var frame = PandasFramePickleReader.Read(Fixture("index_pandas.pkl"));

        // Then
        Assert.Equal(header, frame.ColumnNames);
        Assert.Equal(rows.Length, frame.RowCount);
        for (int c = 0; c < header.Length; c++)
        {
            for (int r = 0; r < rows.Length; r++)
                Assert.Equal(rows[r][c], Convert.ToString(frame.Columns[c][r], CultureInfo.InvariantCulture));
        }
        Assert.IsType<string>(frame.Column("waveform")[0]);
        Assert.Equal(500L, frame.Column("sample_rate")[0]);
    }

    [Fact]
    public void Should_Refuse_The_DataFrame_Pickle_In_The_Numpy_Array_Reader()
    {
        // When: the numpy reader's allow-list has no pandas globals
        var error = Assert.Throws<PickleSecurityException>(() => NumpyPickleReader.ReadArray(Fixture("index_pandas.pkl")));

        // Then
        Assert.Equal("pandas.core.frame.DataFrame", error.GlobalName);
    }

    [Theory]
    [InlineData("pandas.core.arrays.categorical", "Categorical")]
    [InlineData("pandas.core.indexes.multi", "MultiIndex")]
    [InlineData("posix", "system")]
    [InlineData("builtins", "getattr")]
    public void Should_Refuse_Globals_Outside_The_Plain_DataFrame_Allow_List_And_Point_To_Csv(string module, string name)
    {
        // Given
        byte[] pickle = new PickleWriter().Proto(4).StackGlobal(module, name).EmptyTuple().Reduce().Stop().ToArray();

        // When
        var error = Assert.Throws<PickleSecurityException>(() => PandasFramePickleReader.Parse(pickle, "index.pkl"));

        // Then
        Assert.Equal($"{module}.{name}", error.GlobalName);
        Assert.Contains("index.pkl", error.Message);
        Assert.Contains("to_csv", error.Message);
    }

    [Fact]
    public void Should_Point_To_Csv_When_The_Pickle_Is_An_Array_Not_A_DataFrame()
    {
        var error = Assert.Throws<InvalidDataException>(() => PandasFramePickleReader.Read(Fixture("signal_float64_p4.pkl")));
        Assert.Contains("signal_float64_p4.pkl", error.Message);
        Assert.Contains("numpy.ndarray", error.Message);
        Assert.Contains(".csv", error.Message);
    }
}
