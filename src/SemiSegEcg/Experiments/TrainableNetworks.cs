using SemiSegEcg.Config;
using SemiSegEcg.Models;

namespace SemiSegEcg.Experiments;

/// <summary>
/// Builds the networks a run trains: a freshly initialised network (<see cref="ExperimentModels.Create"/>), then, in a
/// <c>mode</c> other than scratch, the <c>pretrained_backbone</c> copied into its backbone, and with
/// <c>freeze_backbone</c> the backbone's parameters frozen: <c>requires_grad</c> false, so no gradient reaches them and
/// the optimizer, which takes trainable parameters only, leaves them out. (BatchNorm running statistics are buffers,
/// not parameters: they still follow the data in train mode, as in PyTorch.) Networks that are loaded whole
/// afterwards (teachers, evaluation) are built with <see cref="ExperimentModels.Create"/> instead.
/// The pretrained file is read once, when this is created, so a bad one stops the run before anything is written.
/// </summary>
public sealed class TrainableNetworks : IDisposable
{
    private const string PretrainedKey = "pretrained_backbone";

    private readonly LoadedConfig _loaded;
    private readonly PretrainedBackbone? _pretrained;
    private readonly Action<string> _report;
    private bool _reported;

    private TrainableNetworks(LoadedConfig loaded, PretrainedBackbone? pretrained, Action<string> report)
    {
        _loaded = loaded;
        _pretrained = pretrained;
        _report = report;
    }

    /// <param name="report">Receives, once, what the first network got (the pretrained load, the freeze).</param>
    /// <exception cref="ConfigException">The pretrained file is missing or unreadable, naming the file and the key.</exception>
    public static TrainableNetworks Create(LoadedConfig loaded, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(report);
        var config = loaded.Config;
        PretrainedBackbone? pretrained = null;
        if (!string.Equals(config.Mode, ExperimentConfigValidator.ScratchMode, StringComparison.Ordinal)
            && config.PretrainedBackbone is { Length: > 0 } path)
        {
            try
            {
                pretrained = PretrainedBackbone.Read(path);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                throw KeyError(loaded, e);
            }
        }
        return new TrainableNetworks(loaded, pretrained, report);
    }

    /// <summary>A new network to train, initialised and frozen as configured.</summary>
    public EncoderDecoder New()
    {
        var model = ExperimentModels.Create(_loaded.Config);
        try
        {
            var messages = new List<string>();
            if (_pretrained is not null)
            {
                try
                {
                    messages.Add(_pretrained.Describe(_pretrained.LoadInto(model)));
                }
                catch (InvalidDataException e)
                {
                    throw KeyError(_loaded, e);
                }
            }
            if (_loaded.Config.FreezeBackbone) messages.Add(Freeze(model));
            if (!_reported) messages.ForEach(_report);
            _reported = true;
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public void Dispose() => _pretrained?.Dispose();

    private static string Freeze(EncoderDecoder model)
    {
        long frozen = 0;
        foreach (var parameter in model.Backbone.parameters())
        {
            parameter.requires_grad = false;
            frozen += parameter.numel();
        }
        long total = model.parameters().Sum(p => p.numel());
        return $"freeze_backbone: the backbone's {frozen:N0} parameters are frozen (not trained, not in the optimizer); " +
            $"{total - frozen:N0} of {total:N0} train";
    }

    private static ConfigException KeyError(LoadedConfig loaded, Exception e)
    {
        var source = loaded.Node.Find(PretrainedKey)?.Source ?? loaded.Node.Source;
        return ConfigException.At(source, PretrainedKey, e.Message, e);
    }
}
