using System.Globalization;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Optimization;

/// <summary>
/// Builds the optimizer's parameter groups from <c>train.weight_decay</c> and <c>train.layer_decay</c>
/// (docs/reference/original-behaviour.md#optimisation). Only trainable parameters (<c>requires_grad</c>) are included; frozen ones could never
/// receive a gradient, so leaving them out changes nothing.
/// </summary>
/// <remarks>
/// Without layer decay (the benchmark's setting) there is one group and every parameter, norms and biases included,
/// gets weight decay. With layer decay d (ViT backbones only), parameter <c>name</c> gets layer id
/// <c>0</c> for <c>backbone.cls_embedding</c>, <c>backbone.pos_embedding</c> and <c>backbone.to_patch_embedding.*</c>,
/// <c>i + 1</c> for <c>backbone.block{i}.*</c>, and <c>num_layers + 1</c> for everything else (the unused final norm,
/// the decode head, the ReCo projection); its LR scale is <c>d^(num_layers + 1 − id)</c>. One-dimensional parameters
/// (biases, norm and BatchNorm weights) and the class token and positional embedding get no weight decay.
/// Groups are ordered by layer id, the decayed group of a layer before its undecayed one; empty groups are omitted.
/// </remarks>
public static class ParameterGroupBuilder
{
    private const string BackbonePrefix = "backbone.";
    private const string BlocksPrefix = "backbone.block";
    private const string ClassToken = BackbonePrefix + "cls_embedding";
    private const string Positions = BackbonePrefix + "pos_embedding";
    private const string PatchEmbeddingPrefix = BackbonePrefix + "to_patch_embedding.";

    /// <param name="weightDecay"><c>train.weight_decay</c> (0.05 in the benchmark); must be ≥ 0.</param>
    /// <param name="layerDecay"><c>train.layer_decay</c>: null (off) or a factor in (0, 1].</param>
    /// <exception cref="ArgumentException">Invalid values, or layer decay asked for a backbone without transformer blocks.</exception>
    public static IReadOnlyList<ParameterGroup> Build(EncoderDecoder model, double weightDecay, double? layerDecay)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(weightDecay >= 0) || double.IsInfinity(weightDecay))
            throw new ArgumentException($"train option 'weight_decay' is {Format(weightDecay)}: expected a finite value ≥ 0");
        var named = model.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        if (layerDecay is not { } decay)
        {
            return [new ParameterGroup("all", 0, 1.0, weightDecay, named.Select(p => p.name).ToList(), named.Select(p => p.parameter).ToList())];
        }
        if (!(decay > 0 && decay <= 1))
            throw new ArgumentException($"train option 'layer_decay' is {Format(decay)}: expected null (off) or a value in (0, 1]");
        if (model.Backbone is not VisionTransformer1d vit)
        {
            throw new ArgumentException(
                $"train option 'layer_decay' is {Format(decay)} but layer-wise LR decay needs a ViT backbone with transformer blocks; " +
                $"backbone {model.Backbone.GetName()} has none (set layer_decay to null)");
        }

        int numLayers = vit.NumLayers;
        var groups = new SortedDictionary<(int LayerId, bool NoDecay), List<(string Name, Parameter Parameter)>>();
        foreach (var (name, parameter) in named)
        {
            var key = (LayerIdOf(name, numLayers), IsExemptFromWeightDecay(name, parameter));
            if (!groups.TryGetValue(key, out var members)) groups[key] = members = [];
            members.Add((name, parameter));
        }
        return groups.Select(g => new ParameterGroup(
                $"layer_{g.Key.LayerId}_{(g.Key.NoDecay ? "no_decay" : "decay")}",
                g.Key.LayerId,
                Math.Pow(decay, numLayers + 1 - g.Key.LayerId),
                g.Key.NoDecay ? 0.0 : weightDecay,
                g.Value.Select(m => m.Name).ToList(),
                g.Value.Select(m => m.Parameter).ToList()))
            .ToList();
    }

    /// <summary>Layer id of a full state-dict parameter name for a ViT with <paramref name="numLayers"/> blocks.</summary>
    public static int LayerIdOf(string parameterName, int numLayers)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        if (parameterName is ClassToken or Positions || parameterName.StartsWith(PatchEmbeddingPrefix, StringComparison.Ordinal))
        {
            return 0;
        }
        if (parameterName.StartsWith(BlocksPrefix, StringComparison.Ordinal))
        {
            string rest = parameterName[BlocksPrefix.Length..];
            int dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && int.TryParse(rest.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int block) && block < numLayers)
                return block + 1;
            throw new ArgumentException($"parameter '{parameterName}' names no block in [0, {numLayers})", nameof(parameterName));
        }
        return numLayers + 1;
    }

    /// <summary>True for parameters that get no weight decay under layer decay: 1-D tensors, the class token and the positional embedding.</summary>
    public static bool IsExemptFromWeightDecay(string parameterName, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.dim() == 1 || parameterName is ClassToken or Positions;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
