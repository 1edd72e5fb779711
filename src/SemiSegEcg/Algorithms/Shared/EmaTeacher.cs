using SemiSegEcg.Models;
using SemiSegEcg.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms.Shared;

/// <summary>
/// An exponential-moving-average teacher (Mean Teacher, ReCo): parameters start as the student's, gradients off,
/// always in eval mode; after every optimizer step θ_t ← d·θ_t + (1−d)·θ_s for parameters and floating-point buffers
/// (BN running statistics). As in the original, the teacher's buffers are not copied at start: they begin at their
/// defaults and follow the EMA. Integer buffers (BN's batch counter) are copied, since an EMA of a counter is meaningless.
/// </summary>
public sealed class EmaTeacher : IDisposable
{
    private readonly (Tensor Teacher, Tensor Student)[] _parameters;
    private readonly (Tensor Teacher, Tensor Student)[] _buffers;
    private readonly Scalar _decay;
    private readonly Scalar _rest;

    public EmaTeacher(EncoderDecoder student, EncoderDecoder teacher, double decay)
    {
        Model = teacher;
        Decay = decay;
        // Held for the teacher's lifetime rather than created per update: see LongLivedScalars for the finalizer race.
        _decay = decay.ToScalar();
        _rest = (1 - decay).ToScalar();
        _parameters = Pair(Named(teacher.named_parameters()), Named(student.named_parameters()), "parameter");
        _buffers = Pair(Named(teacher.named_buffers()), Named(student.named_buffers()), "buffer");
        using (no_grad())
        {
            foreach (var (t, s) in _parameters) t.copy_(s);
        }
        foreach (var (t, _) in _parameters) t.requires_grad_(false);
        teacher.eval();
    }

    public EncoderDecoder Model { get; }

    public double Decay { get; }

    /// <summary>One EMA update (call after each optimizer step).</summary>
    public void Update()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (t, s) in _parameters) t.mul_(_decay).add_(s, alpha: _rest);
        foreach (var (t, s) in _buffers)
        {
            if (t.is_floating_point()) t.mul_(_decay).add_(s, alpha: _rest);
            else t.copy_(s);
        }
    }

    /// <summary>Softmax probabilities of the teacher (eval mode, no gradient) — (B, C, T).</summary>
    public Tensor Probabilities(Tensor input)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Model.eval();
        // Backbone + head only: a teacher's latent projection (ReCo) would be computed and thrown away.
        return Model.Decode(Model.ExtractFeatures(input), input.shape[^1]).softmax(1).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        Model.Dispose();
        _decay.Dispose();
        _rest.Dispose();
    }

    private static IEnumerable<(string Name, Tensor Value)> Named<T>(IEnumerable<(string, T)> items) where T : Tensor =>
        items.Select(i => (i.Item1, (Tensor)i.Item2));

    private static (Tensor, Tensor)[] Pair(IEnumerable<(string Name, Tensor Value)> teacher, IEnumerable<(string Name, Tensor Value)> student, string kind)
    {
        var studentByName = student.ToDictionary(p => p.Name, p => p.Value);
        return teacher.Select(t => (t.Value, studentByName.TryGetValue(t.Name, out var s) ? s
            : throw new InvalidOperationException($"teacher {kind} '{t.Name}' has no counterpart in the student"))).ToArray();
    }
}
