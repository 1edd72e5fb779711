using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation;
using SemiSegEcg.Delineation.Scoring;
using SemiSegEcg.Tests.Infrastructure;
using static SemiSegEcg.Tests.Delineation.Scoring.DelineationEvaluationTests;

namespace SemiSegEcg.Tests.Delineation.Scoring;

/// <summary>
/// One record scored against its reference (what <c>delineate --reference</c> prints), on the bundled LUDB and QTDB
/// records, with stand-in delineators that return the reference moved by a known number of samples.
/// </summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class RecordScoringTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-4)]
    public void Should_Score_Every_Ludb_Lead_Against_Its_Own_File_As_Exactly_The_Shift(int shift)
    {
        string record = Path.Combine(SharedData.LudbRecords, "1");
        var recording = RecordingReader.Read(record);
        var notes = new List<string>();
        var references = RecordReference.Read(record, RecordReference.PerLead, notes);

        var tables = RecordScoring.Score(AnnotationsAsDelineation(recording, shift, OffsetRule.Exclusive), references, OffsetRule.Exclusive, notes);

        Assert.Empty(notes);
        Assert.Equal(["lead I", "lead II", "lead III", "lead aVR", "lead aVL", "lead aVF", "lead V1", "lead V2", "lead V3", "lead V4", "lead V5", "lead V6",
            RecordScoring.PooledName, RecordScoring.ConsensusName], tables.Select(t => t.Name));
        Assert.All(tables.SkipLast(1), t => AssertExactShift(t, shift * 2.0)); // 500 Hz: 2 ms a sample
        var marks = WfdbAnnotationReader.Read(record + ".avr");
        Assert.Equal(marks.Count(m => AnnotationCodes.IsBeat(m.Code)), tables[3][Fiducial.QrsOnset].References);
        Assert.Equal(12, tables[^2].Units);
        Assert.Equal(12, tables[^1].Units); // the stand-in consensus (lead II's waves) against all twelve leads' files
    }

    [Theory]
    [InlineData("q1c")]
    [InlineData("pu")]
    public void Should_Score_Both_Qtdb_Leads_And_The_Consensus_Against_One_Annotator_For_All_Leads(string annotator)
    {
        const int shift = -2;
        string record = Path.Combine(SharedData.QtdbRecords, "sel100");
        var recording = RecordingReader.Read(record + ".hea");
        var notes = new List<string>();
        var references = RecordReference.Read(record + ".hea", annotator, notes);
        var waves = WaveAnnotationParser.Parse(WfdbAnnotationReader.Read($"{record}.{annotator}"), requireOnset: false).Waves
            .Select(w => w with { Onset = w.Onset ?? w.Peak ?? w.Offset, Peak = w.Peak ?? w.Offset }).ToList();
        var leads = recording.LeadNames.Select(lead => Track(lead, waves, shift, OffsetRule.Exclusive, recording.LengthSamples)).ToList();

        var tables = RecordScoring.Score(Result(recording, leads, leads[0] with { Lead = LeadDelineation.ConsensusName }), references, OffsetRule.Exclusive, notes);

        Assert.Equal(["lead MLII", "lead V5", RecordScoring.PooledName, RecordScoring.ConsensusName], tables.Select(t => t.Name));
        Assert.Equal([1, 1, 2, 1], tables.Select(t => t.Units));
        Assert.All(tables, t => Assert.All(t.Scores.Where(s => s.References > 0), s =>
        {
            Assert.Equal(100.0, s.SensitivityPercent, 9);
            Assert.Equal(shift * 4.0, s.MeanErrorMs, 9); // 250 Hz: 4 ms a sample
        }));
        Assert.True(tables[0][Fiducial.QrsOnset].References > 0);
    }

    [Fact]
    public void Should_Name_The_Missing_Annotation_File()
    {
        string ludb = Path.Combine(SharedData.LudbRecords, "1");
        string qtdb = Path.Combine(SharedData.QtdbRecords, "sel100");

        var missing = Assert.Throws<FileNotFoundException>(() => RecordReference.RequireFiles(qtdb, "atr"));
        var unread = Assert.Throws<FileNotFoundException>(() => RecordReference.Read(qtdb, "atr", new List<string>()));
        var perLeadOfQtdb = Assert.Throws<FileNotFoundException>(() => RecordReference.RequireFiles(qtdb + ".hea", RecordReference.PerLead));

        Assert.StartsWith($"{qtdb}.atr: reference annotation file is missing", missing.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{qtdb}.atr:", unread.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{qtdb}.MLII:", perLeadOfQtdb.Message, StringComparison.Ordinal);
        RecordReference.RequireFiles(qtdb, "q1c");
        RecordReference.RequireFiles(ludb, RecordReference.PerLead);
        Assert.Equal([$"{ludb}.ii", $"{ludb}.v1"], RecordReference.RequiredFiles(ludb + ".hea", "LEADS", ["II", "v1"]));
    }

    [Fact]
    public void Should_Refuse_Per_Lead_Files_For_A_Recording_Without_A_Wfdb_Header()
    {
        using var dir = new TempDirectory();
        string csv = dir.File("strip.csv");
        File.WriteAllText(csv, "II\n0.1\n");

        var refused = Assert.Throws<InvalidDataException>(() => RecordReference.RequiredFiles(csv, RecordReference.PerLead));

        Assert.StartsWith(csv + ":", refused.Message, StringComparison.Ordinal);
        Assert.Equal([dir.File("strip.q1c")], RecordReference.RequiredFiles(csv, "q1c"));
    }
}
