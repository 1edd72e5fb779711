using SemiSegEcg.Models;
using static TorchSharp.torch;

namespace SemiSegEcg.Inference;

/// <summary>
/// The delineator's model call: a batch of standardized windows (each <c>T</c> samples) → per window the softmax
/// probabilities, class-major (C×T). Eval mode, no gradient, one dispose scope per call.
/// </summary>
public static class ModelPredictor
{
    public static Func<float[][], float[][]> For(EncoderDecoder model) => windows =>
    {
        if (windows.Length == 0) return [];
        int length = windows[0].Length;
        var flat = new float[windows.Length * length];
        for (int i = 0; i < windows.Length; i++)
        {
            if (windows[i].Length != length) throw new ArgumentException("all windows of a batch must have the same length");
            windows[i].CopyTo(flat, i * length);
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var device = model.parameters().First().device;
        var probabilities = model.call(tensor(flat, [windows.Length, 1, length], device: device)).Logits.softmax(1).cpu().contiguous();
        var all = probabilities.data<float>().ToArray();
        int perWindow = all.Length / windows.Length;
        return Enumerable.Range(0, windows.Length).Select(i => all.AsSpan(i * perWindow, perWindow).ToArray()).ToArray();
    };
}
