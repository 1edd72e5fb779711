using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation;
using SemiSegEcg.Delineation.Scoring;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Delineation.Scoring;

/// <summary>
/// The evaluation on real bundled records (LUDB 1 and 2, QTDB sel100), with stand-in delineators that return the
/// reference annotation itself, moved by a known number of samples: what comes out must be exactly that shift, so the
/// reference parsing, the lead mapping, the offset convention and the QTDB cropping are all checked end to end.
/// </summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class DelineationEvaluationTests
{
    [Fact]
    public void Should_Read_Every_Ludb_Lead_Reference_With_Its_Marks_And_Span()
    {
        var skipped = new List<string>();

        var leads = LudbReference.Read(SharedData.LudbRecords, "1", skipped);

        Assert.Empty(skipped);
        Assert.Equal(["i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6"], leads.Select(l => l.Lead));
        var marks = WfdbAnnotationReader.Read(Path.Combine(SharedData.LudbRecords, "1.ii"));
        var ii = leads[1];
        Assert.Equal(marks.Count(m => AnnotationCodes.IsBeat(m.Code)), ii.Marks[Fiducial.QrsOnset].Count);
        Assert.Equal(marks.Count(m => m.Symbol == "p"), ii.Marks[Fiducial.PPeak].Count);
        Assert.Equal(marks.Where(m => m.Symbol == "t").Select(m => (int)m.Sample), ii.Marks[Fiducial.TPeak]);
        Assert.Equal([((int)marks[0].Sample, (int)marks[^1].Sample)], ii.Spans.Spans);
    }

    [Fact]
    public void Should_Read_The_Qtdb_Q1c_Reference_Beat_By_Beat()
    {
        var problems = new List<string>();

        var reference = QtdbReference.Read(SharedData.QtdbRecords, "sel100", problems)!;

        var marks = WfdbAnnotationReader.Read(Path.Combine(SharedData.QtdbRecords, "sel100.q1c"));
        int beats = marks.Count(m => AnnotationCodes.IsBeat(m.Code));
        Assert.Equal(beats, reference.Marks[Fiducial.QrsOnset].Count);
        Assert.Equal(beats, reference.Spans.Spans.Count);
        Assert.Equal(150272, reference.Marks[Fiducial.POnset][0]); // the file opens with "(" at 150272, then "p"
        Assert.Equal(marks.Count(m => m.Symbol == "t"), reference.Marks[Fiducial.TOffset].Count);
        Assert.All(reference.Marks[Fiducial.QrsOnset], q => Assert.True(reference.Spans.Contains(q)));
        Assert.Null(QtdbReference.Read(SharedData.QtdbRecords, "sel30", problems));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-5)]
    public void Should_Score_A_Delineator_That_Returns_The_Ludb_Reference_Moved_By_A_Shift_As_Exactly_That_Shift(int shift)
    {
        var evaluation = new DelineationEvaluation(recording => AnnotationsAsDelineation(recording, shift, OffsetRule.Exclusive), OffsetRule.Exclusive);
        var notes = new List<string>();

        var tables = evaluation.ScoreLudb(SharedData.LudbRecords, ["1", "2"], notes);

        Assert.Empty(notes);
        Assert.Equal(["LUDB test, single lead", DelineationEvaluation.LeadsWithoutPName, "LUDB test, lead consensus"], tables.Select(t => t.Name));
        Assert.Equal(0, tables[1].Units); // records 1 and 2 have P waves annotated in every lead
        var single = tables[0];
        Assert.Equal(24, single.Units);
        AssertExactShift(single, shift * 2.0); // 500 Hz: 2 ms a sample
    }

    /// <summary>Every fiducial of the table has reference marks, all of them matched, no false positive, and every
    /// error exactly <paramref name="errorMs"/>.</summary>
    internal static void AssertExactShift(FiducialTable table, double errorMs) =>
        Assert.All(table.Scores, s =>
        {
            Assert.True(s.References > 0, $"{table.Name} {s.Fiducial}: no reference marks");
            Assert.Equal(100.0, s.SensitivityPercent, 9);
            Assert.Equal(100.0, s.PositivePredictivityPercent, 9);
            Assert.Equal(errorMs, s.MeanErrorMs, 9);
            Assert.Equal(0.0, s.ErrorSdMs, 9);
        });

    [Fact]
    public void Should_Score_Qtdb_On_The_Annotated_Beats_Of_A_Cropped_Record_In_Record_Time()
    {
        const int shift = 2;
        var evaluation = new DelineationEvaluation(recording => QtdbAnnotationsAsDelineation(recording, shift), OffsetRule.Exclusive);
        var notes = new List<string>();

        var tables = evaluation.ScoreQtdb(SharedData.QtdbRecords, ["sel100", "sel30"], notes);

        Assert.Contains(notes, n => n.Contains("sel30", StringComparison.Ordinal) && n.Contains("not scored", StringComparison.Ordinal));
        Assert.Equal(["QTDB q1c, lead 1", "QTDB q1c, lead 2", "QTDB q1c, best lead", "QTDB q1c, lead consensus"], tables.Select(t => t.Name));
        foreach (var table in tables)
        {
            Assert.Equal(1, table.Units);
            Assert.All(table.Scores.Where(s => s.References > 0), s =>
            {
                Assert.Equal(100.0, s.SensitivityPercent, 9);
                Assert.Equal(shift * 4.0, s.MeanErrorMs, 9); // 250 Hz: 4 ms a sample
            });
        }
    }

    /// <summary>A stand-in delineation: every lead's own reference waves, moved by <paramref name="shift"/> samples.</summary>
    internal static DelineationResult AnnotationsAsDelineation(RecordingInput recording, int shift, OffsetRule rule)
    {
        string record = Path.GetFileNameWithoutExtension(recording.SourcePath);
        string dir = Path.GetDirectoryName(recording.SourcePath)!;
        var leads = recording.LeadNames.Select(lead =>
        {
            var parsed = WaveAnnotationParser.Parse(WfdbAnnotationReader.Read(Path.Combine(dir, $"{record}.{lead}")), requireOnset: true);
            return Track(lead, parsed.Waves, shift, rule, recording.LengthSamples);
        }).ToList();
        return Result(recording, leads, leads[1] with { Lead = LeadDelineation.ConsensusName });
    }

    /// <summary>The q1c waves, in the cropped recording's time (found from where its signal sits in the whole record).</summary>
    private static DelineationResult QtdbAnnotationsAsDelineation(RecordingInput cropped, int shift)
    {
        var whole = RecordingReader.Read(Path.Combine(SharedData.QtdbRecords, "sel100"));
        int start = Enumerable.Range(0, whole.LengthSamples - cropped.LengthSamples + 1)
            .First(s => whole.Leads[0].AsSpan(s, cropped.LengthSamples).SequenceEqual(cropped.Leads[0]));
        var parsed = WaveAnnotationParser.Parse(WfdbAnnotationReader.Read(Path.Combine(SharedData.QtdbRecords, "sel100.q1c")), requireOnset: false);
        var local = parsed.Waves.Select(w => w with { Onset = w.Onset ?? w.Peak, Peak = w.Peak ?? w.Offset }).ToList();
        var leads = cropped.LeadNames.Select(lead => Track(lead, local, shift - start, OffsetRule.Exclusive, cropped.LengthSamples)).ToList();
        return Result(cropped, leads, leads[0] with { Lead = LeadDelineation.ConsensusName });
    }

    internal static LeadDelineation Track(string lead, IEnumerable<WaveSpan> waves, int shift, OffsetRule rule, int length)
    {
        int lastSample = rule == OffsetRule.Exclusive ? 1 : 0;
        var delineated = waves.Select(w => new Wave((WaveKind)w.ClassId, (int)w.Onset!.Value + shift, (int)w.Peak!.Value + shift, (int)w.Offset - lastSample + shift)).ToList();
        return new LeadDelineation(lead, new byte[length], delineated, []);
    }

    internal static DelineationResult Result(RecordingInput recording, IReadOnlyList<LeadDelineation> leads, LeadDelineation consensus) =>
        new(recording.Name, recording.SamplingRateHz, leads, consensus, RecordSummary.FromBeats(consensus.Lead, []));
}
