using System.Text.Json;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class DelineationWritersTests
{
    /// <summary>Two leads at 250 Hz, two beats each; the consensus is lead "II"'s copy.</summary>
    private static DelineationResult Small()
    {
        Wave[] waves =
        [
            new(WaveKind.P, 10, 15, 30), new(WaveKind.Qrs, 45, 50, 67), new(WaveKind.T, 80, 100, 120),
            new(WaveKind.Qrs, 245, 251, 267), new(WaveKind.T, 280, 300, 321),
        ];
        var beats = new BeatAssembler().Assemble(waves, 250);
        var labels = new byte[400];
        var leadI = new LeadDelineation("I", labels, waves, beats);
        var leadII = new LeadDelineation("II", labels, waves.Take(3).ToList(), new BeatAssembler().Assemble(waves.Take(3).ToList(), 250));
        var consensus = leadI with { Lead = LeadDelineation.ConsensusName };
        return new DelineationResult("rec 1", 250, [leadI, leadII], consensus, consensus.Summary);
    }

    [Fact]
    public void Should_Write_One_Row_Per_Wave_And_Per_Beat_When_Writing_Csv()
    {
        var result = Small();

        string[] waves = Lines(DelineationCsvWriter.WavesCsv([result]));
        string[] beats = Lines(DelineationCsvWriter.BeatsCsv([result]));
        string[] summary = Lines(DelineationCsvWriter.SummaryCsv([result]));

        Assert.Equal("record,lead,wave,onset_sample,peak_sample,offset_sample,onset_s,peak_s,offset_s", waves[0]);
        Assert.Equal(1 + 5 + 3 + 5, waves.Length);
        Assert.Equal("rec 1,I,P,10,15,30,0.04,0.06,0.12", waves[1]);
        Assert.Equal("rec 1,I,QRS,245,251,267,0.98,1.004,1.068", waves[4]);
        Assert.Equal("rec 1,consensus,T,280,300,321,1.12,1.2,1.284", waves[^1]);

        Assert.Equal("record,lead,beat,qrs_onset_sample,hr_bpm,rr_ms,pr_ms,qrs_ms,qt_ms,qtc_bazett_ms,qtc_fridericia_ms", beats[0]);
        // RR 800 ms → HR 75; QT 300 ms → Bazett 300/√0.8, Fridericia 300/∛0.8.
        Assert.Equal("rec 1,I,0,45,75,800,140,88,300,335.41,323.165", beats[1]);
        Assert.Equal("rec 1,I,1,245,75,800,,88,304,339.882,327.474", beats[2]);
        Assert.Equal("rec 1,II,0,45,,,140,88,300,,", beats[3]);

        Assert.Equal("record,lead,beats,hr_bpm,rr_ms,pr_ms,qrs_ms,qt_ms,qtc_bazett_ms,qtc_fridericia_ms", summary[0]);
        Assert.Equal(["rec 1,I,2,75,800,140,88,302,337.646,325.32", "rec 1,II,1,,,140,88,300,,", "rec 1,consensus,2,75,800,140,88,302,337.646,325.32"], summary[1..]);
    }

    [Fact]
    public void Should_Write_Three_Files_Atomically_When_Saving_Csv()
    {
        using var dir = new TempDirectory();

        var paths = DelineationCsvWriter.Write(dir.Path, Small());

        Assert.Equal(["rec_1.waves.csv", "rec_1.beats.csv", "rec_1.summary.csv"], paths.Select(Path.GetFileName));
        Assert.All(paths, p => Assert.True(File.Exists(p)));
        Assert.Equal(paths.Count, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public void Should_Nest_Summary_Leads_Waves_And_Beats_When_Writing_Json()
    {
        using var dir = new TempDirectory();
        string path = dir.File("rec.json");

        DelineationJsonWriter.Write(path, Small());

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        Assert.Equal("rec 1", root.GetProperty("record").GetString());
        Assert.Equal(250, root.GetProperty("sampling_rate_hz").GetDouble());
        Assert.Equal(400, root.GetProperty("length_samples").GetInt32());
        Assert.Equal(302, root.GetProperty("summary").GetProperty("qt_ms").GetDouble());
        Assert.Equal("consensus", root.GetProperty("summary").GetProperty("source").GetString());
        var leads = root.GetProperty("leads");
        Assert.Equal(2, leads.GetArrayLength());
        var firstWave = leads[0].GetProperty("waves")[0];
        Assert.Equal("P", firstWave.GetProperty("wave").GetString());
        Assert.Equal(15, firstWave.GetProperty("peak_sample").GetInt32());
        Assert.Equal(0.06, firstWave.GetProperty("peak_s").GetDouble());
        var secondBeat = leads[0].GetProperty("beats")[1];
        Assert.Equal(JsonValueKind.Null, secondBeat.GetProperty("p").ValueKind);
        Assert.Equal(JsonValueKind.Null, secondBeat.GetProperty("pr_ms").ValueKind);
        Assert.Equal(245, secondBeat.GetProperty("qrs").GetProperty("onset_sample").GetInt32());
        Assert.Equal(321, secondBeat.GetProperty("t").GetProperty("offset_sample").GetInt32());
        Assert.Equal(339.882, secondBeat.GetProperty("qtc_bazett_ms").GetDouble());
        Assert.Equal("consensus", root.GetProperty("consensus").GetProperty("lead").GetString());
    }

    [Fact]
    public void Should_Round_Trip_Wfdb_Annotations_With_Ludb_Symbols()
    {
        using var dir = new TempDirectory();
        var result = Small();

        var paths = DelineationWfdbWriter.Write(dir.Path, result);

        Assert.Equal(["rec_1.seg_i", "rec_1.seg_ii", "rec_1.seg_consensus"], paths.Select(Path.GetFileName));
        var annotations = WfdbAnnotationReader.Read(paths[1]);
        Assert.Equal(["(", "p", ")", "(", "N", ")", "(", "t", ")"], annotations.Select(a => a.Symbol));
        Assert.Equal([10L, 15, 30, 45, 50, 67, 80, 100, 120], annotations.Select(a => a.Sample));
        Assert.All(annotations, a => Assert.Equal(1, a.Channel));
        var parsed = WaveAnnotationParser.Parse(WfdbAnnotationReader.Read(paths[0]), requireOnset: true);
        Assert.True(parsed.IsComplete);
        Assert.Equal(result.Leads[0].Waves.Select(w => ((byte)w.Kind, (long?)w.Onset, (long?)w.Peak, (long)w.Offset)),
            parsed.Waves.Select(w => (w.ClassId, w.Onset, w.Peak, w.Offset)));
        var header = WfdbHeaderParser.Read(dir.File("rec_1.hea"));
        Assert.Equal(250, header.SamplingFrequencyHz);
        Assert.Equal(400, header.SampleCount);
        Assert.Equal(0, header.SignalCount);
    }

    [Fact]
    public void Should_Leave_An_Existing_Header_Alone_When_Writing_Annotations_Beside_A_Record()
    {
        using var dir = new TempDirectory();
        WfdbWriter.WriteRecord(dir.Path, "rec_1", 250, [new WfdbWriterSignal("II", new int[400], 200)]);
        byte[] before = File.ReadAllBytes(dir.File("rec_1.hea"));

        DelineationWfdbWriter.Write(dir.Path, Small());

        Assert.Equal(before, File.ReadAllBytes(dir.File("rec_1.hea")));
        Assert.Equal(1, WfdbReader.Read(dir.File("rec_1")).SignalCount);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
