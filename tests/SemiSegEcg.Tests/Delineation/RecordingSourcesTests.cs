using SemiSegEcg.Delineation;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Delineation;

/// <summary>Folders and PhysioNet RECORDS files name whole databases for <c>semiseg delineate</c>.</summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class RecordingSourcesTests : IDisposable
{
    private readonly TempDirectory _tmp = new("recording-sources");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Should_List_The_Records_Of_A_Folder_In_Natural_Order()
    {
        var records = RecordingSources.Expand(SharedData.LudbRecords);

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "101"], records.Select(Path.GetFileName));
        Assert.All(records, r => Assert.True(File.Exists(r + ".hea")));
        // Each listed record reads as a recording.
        Assert.Equal(12, RecordingReader.Read(records[^1]).LeadCount);
    }

    [Fact]
    public void Should_Follow_A_Records_File_Also_When_The_Copy_Flattened_Its_Subfolders()
    {
        // Given: LUDB's RECORDS lines ("data/<n>") beside a flat copy of two of its records, and EDF beside them
        string folder = _tmp.File("ludb");
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.EnumerateFiles(SharedData.LudbRecords).Where(f => Path.GetFileName(f).Split('.')[0] is "2" or "10"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "RECORDS"), "data/10\n\ndata/2\n");

        // When: the folder, and the RECORDS file itself
        var viaFolder = RecordingSources.Expand(folder);
        var viaFile = RecordingSources.Expand(Path.Combine(folder, "RECORDS"));

        // Then: the listed order, blank lines skipped
        Assert.Equal([Path.Combine(folder, "10"), Path.Combine(folder, "2")], viaFolder);
        Assert.Equal(viaFolder, viaFile);
    }

    [Fact]
    public void Should_Take_Wfdb_And_Edf_Files_From_A_Folder_Without_Records_And_Nothing_Else()
    {
        foreach (string name in new[] { "10.hea", "2.hea", "b.edf", "a.EDF", "notes.txt", "2.dat", "x.csv" }) _tmp.Write($"mixed/{name}", "");

        var records = RecordingSources.Expand(_tmp.File("mixed"));

        Assert.Equal(["2", "10", "a.EDF", "b.edf"], records.Select(Path.GetFileName));
    }

    [Fact]
    public void Should_Pass_A_Recording_Through_As_Given()
    {
        string record = Path.Combine(SharedData.QtdbRecords, "sel100");

        Assert.Equal([record], RecordingSources.Expand(record));
        Assert.Equal([record + ".hea"], RecordingSources.Expand(record + ".hea"));
        var missing = Assert.Throws<FileNotFoundException>(() => RecordingSources.Expand(record + "x"));
        Assert.Contains("sel100x: no such file, folder or WFDB record", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_The_Line_Of_A_Listed_Record_That_Is_Missing()
    {
        string records = _tmp.Write("db/RECORDS", "sel100\nsel999\n");
        File.Copy(Path.Combine(SharedData.QtdbRecords, "sel100.hea"), _tmp.File("db/sel100.hea"));

        var error = Assert.Throws<FileNotFoundException>(() => RecordingSources.Expand(records));

        Assert.Equal($"{records}: line 2: no record 'sel999' (no sel999.hea beside the RECORDS file)", error.Message);
    }

    [Fact]
    public void Should_Refuse_A_Folder_Without_Recordings()
    {
        _tmp.Write("empty/readme.txt", "");

        var error = Assert.Throws<FileNotFoundException>(() => RecordingSources.Expand(_tmp.File("empty")));

        Assert.Contains("no WFDB records (.hea) or EDF files (.edf) in this folder, and no RECORDS file", error.Message, StringComparison.Ordinal);
    }
}
