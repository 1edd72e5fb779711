using static TorchSharp.torch;

namespace SemiSegEcg.Models;

/// <summary>
/// State-dict entries in PyTorch's order. TorchSharp's <c>state_dict()</c> holds the same keys but lists all
/// parameters before all buffers; PyTorch walks the module tree and emits each module's own parameters, then its own
/// persistent buffers, then its children. Use this order when comparing with or writing for the reference.
/// </summary>
public static class StateDictOrder
{
    public static IReadOnlyList<(string Key, Tensor Value)> PyTorchOrdered(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var entries = new List<(string, Tensor)>();
        Collect(module, "", entries);
        return entries;
    }

    private static void Collect(nn.Module module, string prefix, List<(string, Tensor)> entries)
    {
        foreach (var (name, parameter) in module.named_parameters(recurse: false)) entries.Add((prefix + name, parameter));
        foreach (var (name, buffer) in module.named_buffers(recurse: false, include_nonpersistent: false)) entries.Add((prefix + name, buffer));
        foreach (var (name, child) in module.named_children()) Collect(child, $"{prefix}{name}.", entries);
    }
}
