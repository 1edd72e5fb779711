using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training.Checkpoints;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>
/// The model shipped inside the library (models/delineator.ckpt, see MODEL.md): a weights-only fp16 file under 25 MB
/// that carries its config and preprocessing, loads with no file beside the assembly, and delineates real LUDB records
/// in one call; fp16 storage changes the segmentation of real records negligibly.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class BundledModelTests
{
    private static readonly string ShippedFile = Path.Combine(SharedData.RepoRoot, "models", "delineator.ckpt");

    [Fact]
    public void Should_Ship_A_Weights_Only_Fp16_File_Under_25_MB_With_Its_Preprocessing()
    {
        var meta = CheckpointStore.ReadMetadata(ShippedFile);
        var state = CheckpointStore.ReadNetworkState(ShippedFile, "model");
        try
        {
            Assert.InRange(new FileInfo(ShippedFile).Length, 1_000_000, 25_000_000);
            Assert.True(meta.WeightsOnly);
            Assert.Equal(0, meta.OptimizerCount);
            Assert.Equal(["model"], meta.Networks);
            Assert.NotNull(meta.Preprocessing);
            var floating = state.Values.Where(t => t.dtype is ScalarType.Float16 or ScalarType.Float32).ToList();
            Assert.NotEmpty(floating);
            Assert.All(floating, t => Assert.Equal(ScalarType.Float16, t.dtype));
        }
        finally
        {
            foreach (var tensor in state.Values) tensor.Dispose();
        }
    }

    [Fact]
    public void Should_Load_The_Embedded_Model_On_The_Cpu_In_Fp32_With_The_Shipped_Files_Preprocessing()
    {
        using var trained = TrainedModel.LoadDefault();

        Assert.True(trained.IsBundled);
        Assert.Equal(TrainedModel.BundledModelName, trained.CheckpointPath);
        Assert.Equal(CheckpointStore.ReadMetadata(ShippedFile).Preprocessing, trained.Preprocessing);
        Assert.Null(trained.PreprocessingNotice);
        Assert.All(trained.Model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        Assert.All(trained.Model.parameters(), p => Assert.Equal(TorchSharp.DeviceType.CPU, p.device_type));
    }

    [Fact]
    public void Should_Delineate_A_Real_12_Lead_Ludb_Record_In_One_Call_Close_To_Its_Cardiologist_Annotation()
    {
        // Given: LUDB record 1 (12 leads, 10 s at 500 Hz) as plain arrays, and its lead II annotation
        var recording = RecordingReader.Read(Path.Combine(SharedData.LudbRecords, "1"));
        long[] truth = AnnotatedMask(Path.Combine(SharedData.LudbRecords, "1.ii"), recording.LengthSamples);

        // When
        var result = EcgDelineation.Delineate(recording.Leads, recording.SamplingRateHz, recording.LeadNames);

        // Then: every lead and the consensus come back at 500 Hz, and lead II matches the annotation well
        Assert.Equal(12, result.Leads.Count);
        Assert.NotNull(result.Consensus);
        Assert.Equal(5000, result.LengthSamples);
        Assert.Equal("consensus", result.Summary.Source);
        Assert.InRange(result.Summary.HeartRateBpm!.Value, 40, 150);
        Assert.InRange(result.Summary.QrsMs!.Value, 60, 140);
        var iou = new PooledIou();
        iou.Add(truth, result.Leads[recording.LeadIndex("ii")].Labels.Select(l => (long)l).ToArray());
        Assert.InRange(iou.Mean, 0.7, 1.0);
    }

    [Fact]
    public void Should_Drop_The_P_Waves_Of_A_Real_Atrial_Fibrillation_Record_And_Keep_A_Sinus_Records()
    {
        // Given: LUDB record 8 (atrial fibrillation: no P wave annotated in any lead) and record 1 (sinus bradycardia)
        var fibrillation = RecordingReader.Read(Path.Combine(SharedData.LudbRecords, "8"));
        var sinus = RecordingReader.Read(Path.Combine(SharedData.LudbRecords, "1"));
        using var trained = TrainedModel.LoadDefault();
        var gated = trained.CreateDelineator();
        var ungated = trained.CreateDelineator(new DelineationOptions { AtrialActivity = new AtrialActivityOptions { Enabled = false } });

        // When
        var af = gated.Delineate(fibrillation);
        var afKept = ungated.Delineate(fibrillation);
        var sr = gated.Delineate(sinus);

        // Then: the fibrillation record loses every P wave and PR, says why, and only because of the gate
        Assert.True(af.PWavesDropped);
        Assert.InRange(af.AtrialCoupledFraction!.Value, 0, 0.6);
        Assert.All(af.Tracks, t => Assert.DoesNotContain(t.Waves, w => w.Kind == WaveKind.P));
        Assert.All(af.Tracks, t => Assert.DoesNotContain(t.Labels, l => l == WaveLabels.P));
        Assert.All(af.Tracks, t => Assert.All(t.Beats, b => Assert.Null(b.PrMs)));
        Assert.Contains(af.Warnings, w => w.StartsWith("no consistent atrial activity", StringComparison.Ordinal));
        Assert.False(afKept.PWavesDropped);
        Assert.Equal(af.AtrialCoupledFraction, afKept.AtrialCoupledFraction);
        Assert.Equal(af.Leads.Select(l => l.Waves.Count(w => w.Kind == WaveKind.Qrs)), afKept.Leads.Select(l => l.Waves.Count(w => w.Kind == WaveKind.Qrs)));
        // and the sinus record keeps its P waves, nearly one per beat, with a PR interval
        Assert.False(sr.PWavesDropped);
        Assert.InRange(sr.AtrialCoupledFraction!.Value, 0.9, 1.0);
        Assert.NotNull(sr.Summary.PrMs);
        Assert.DoesNotContain(sr.Warnings, w => w.StartsWith("no consistent atrial activity", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Refuse_A_Signal_With_Fewer_Names_Than_Leads_Naming_Both_Counts()
    {
        double[][] leads = [new double[2500], new double[2500]];

        var error = Assert.Throws<InvalidDataException>(() => EcgDelineation.Delineate(leads, 250, ["II"]));

        Assert.Equal("signal: 1 lead names for 2 leads", error.Message);
    }

    [Fact]
    public void Should_Segment_Real_Records_Almost_Identically_From_Fp16_And_Fp32_Exports()
    {
        // Given: the original's trained ResNet-18 + FCN as one of our checkpoints, exported with fp32 and fp16 weights
        using var tmp = new TempDirectory();
        string checkpoint = tmp.File("fcn.ckpt");
        using (var original = TrainedModel.Load(Path.Combine(SharedData.BundledRoot, "reference", "resnet18_fcn_state_dict.pt"),
                   Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", "scratch.yaml")))
        {
            var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, "base", 0, new Dictionary<string, double> { ["loss"] = 1, ["MeanIoU"] = 0.5 },
                1, 0.5, ["model"], 0, null, DateTimeOffset.UnixEpoch, WeightsOnly: true);
            CheckpointStore.Save(checkpoint, meta, FlatShippedConfig.Text("resnet18", "scratch"), [("model", original.Model)], []);
        }
        ModelExport.Export(checkpoint, tmp.File("fp32.ckpt"), halfPrecision: false);
        ModelExport.Export(checkpoint, tmp.File("fp16.ckpt"), halfPrecision: true);
        using var full = TrainedModel.Load(tmp.File("fp32.ckpt"));
        using var half = TrainedModel.Load(tmp.File("fp16.ckpt"));

        // When: both segment every lead of two real LUDB records (24 ten-second leads)
        double largestDifference = 0;
        long samples = 0, disagreements = 0;
        foreach (string record in new[] { "1", "10" })
        {
            var recording = RecordingReader.Read(Path.Combine(SharedData.LudbRecords, record));
            var a = full.CreateDelineator().Segmenter.Segment(recording).Leads;
            var b = half.CreateDelineator().Segmenter.Segment(recording).Leads;
            for (int lead = 0; lead < a.Count; lead++)
            {
                for (int i = 0; i < a[lead].Probabilities.Length; i++)
                    largestDifference = Math.Max(largestDifference, Math.Abs(a[lead].Probabilities[i] - b[lead].Probabilities[i]));
                samples += a[lead].StepLabels.Length;
                disagreements += a[lead].StepLabels.Zip(b[lead].StepLabels).Count(p => p.First != p.Second);
            }
        }

        // Then: probabilities within 0.02 and at most 1 sample in 1,000 labelled differently
        var stored = CheckpointStore.ReadNetworkState(tmp.File("fp16.ckpt"), "model");
        Assert.All(stored.Values.Where(t => t.is_floating_point()), t => Assert.Equal(ScalarType.Float16, t.dtype));
        foreach (var tensor in stored.Values) tensor.Dispose();
        Assert.InRange(largestDifference, 0, 0.02);
        Assert.InRange(disagreements, 0, samples / 1000);
    }

    /// <summary>Per-sample truth of a LUDB lead annotation; outside the annotated stretch the truth is ignored.</summary>
    private static long[] AnnotatedMask(string annotationPath, int length)
    {
        var waves = WaveAnnotationParser.Parse(WfdbAnnotationReader.Read(annotationPath), requireOnset: true).Waves;
        var mask = Enumerable.Repeat((long)WaveLabels.Ignore, length).ToArray();
        long first = waves.Min(w => w.Onset!.Value), last = waves.Max(w => w.Offset);
        for (long i = first; i <= last; i++) mask[i] = WaveLabels.Background;
        foreach (var wave in waves)
        {
            for (long i = wave.Onset!.Value; i <= wave.Offset; i++) mask[i] = wave.ClassId;
        }
        return mask;
    }
}
