using SemiSegEcg.Config;
using SemiSegEcg.Data;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using TorchSharp;
using static TorchSharp.torch;

namespace SemiSegEcg.Experiments;

/// <summary>Turns the config's <c>backbone</c>/<c>decode_head</c> blocks into a <see cref="ModelSpec"/>.</summary>
public static class ExperimentModels
{
    public static ModelSpec Spec(ExperimentConfig config)
    {
        object backbone = Bind(config.Backbone, () => BackboneCatalog.Get(config.Backbone.Name).OptionsType);
        object head = Bind(config.DecodeHead, () => HeadCatalog.Get(config.DecodeHead.Name).OptionsType);
        return new ModelSpec(config.Backbone.Name, backbone, config.DecodeHead.Name, head, WaveLabels.ClassCount,
            config.UseLatentProjection, config.ProjectionInDim ?? 512, config.ProjectionOutDim ?? 128);
    }

    /// <summary>
    /// Builds a freshly initialised network on the configured device; config mistakes surface as
    /// <see cref="ConfigException"/>s naming the key.
    /// </summary>
    public static EncoderDecoder Create(ExperimentConfig config)
    {
        var spec = Spec(config);
        var device = DeviceCheck.Require(config.Device);
        try
        {
            var model = ModelFactory.Create(spec);
            if (device.type != TorchSharp.DeviceType.CPU) model.to(device);
            return model;
        }
        catch (ArgumentException e)
        {
            // The message names the option (e.g. "decode_head FCNHead option 'in_channels' is 256 but ...").
            throw new ConfigException($"model in {config.ConfigPath ?? "the config"}: {e.Message}", config.ConfigPath, null, null, e);
        }
    }

    private static object Bind(NamedComponent component, Func<Type> optionsType)
    {
        Type type;
        try
        {
            type = optionsType();
        }
        catch (ArgumentException e)
        {
            throw ConfigException.At(component.Args, component.KeyPath, e.Message);
        }
        return ConfigBinder.Bind(type, component.Args, component.ArgsKeyPath);
    }
}
