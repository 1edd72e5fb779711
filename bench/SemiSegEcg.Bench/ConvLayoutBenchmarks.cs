using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Bench;

/// <summary>
/// Forward + backward time of ResNet-18-1D's convolution shapes (batch 32, as in a semi-supervised joint forward) in
/// three memory layouts: the plain 1-D layout the models use (libtorch runs it as oneDNN convolution with a reorder of
/// input, weight and output into its blocked layout on every call), the same as a 2-D convolution of height 1, and that
/// 2-D convolution in channels-last layout (which oneDNN can read and write without reordering).
/// </summary>
internal static class ConvLayoutBenchmarks
{
    private static readonly (int In, int Out, int Kernel, int Stride, int Length)[] Shapes =
    [
        (1, 64, 7, 2, 2500), (64, 64, 3, 1, 625), (64, 128, 3, 2, 625), (128, 128, 3, 1, 313),
        (128, 256, 3, 2, 313), (256, 256, 3, 1, 157), (256, 512, 3, 2, 157), (512, 512, 3, 1, 79),
        (64, 128, 1, 2, 625), (128, 256, 1, 2, 313), (256, 512, 1, 2, 157), (512, 128, 3, 1, 79),
    ];

    public static void Run(int warmup, int reps)
    {
        var values = new Dictionary<string, double>();
        Console.WriteLine("| in → out, kernel, stride, length | 1-D | 2-D (height 1) | 2-D channels-last |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (cin, cout, k, stride, length) in Shapes)
        {
            using var scope = NewDisposeScope();
            var weight = randn(cout, cin, k).requires_grad_();
            // The stem's input needs no gradient; every other layer's does.
            bool inputGrad = cin > 1;
            var input = randn(32, cin, length).requires_grad_(inputGrad);
            var weight4 = weight.detach().unsqueeze(2).requires_grad_();
            var input4 = input.detach().unsqueeze(2).requires_grad_(inputGrad);
            var inputLast = ChannelsLast(input4).requires_grad_(inputGrad);
            var weightLast = ChannelsLast(weight4).requires_grad_();
            // Round-robin over the layouts, so that the machine's drift touches all three alike.
            var (oneD, twoD, last) = Interleaved(
                () => F.conv1d(input, weight, stride: stride, padding: k / 2),
                () => F.conv2d(input4, weight4, strides: [1, stride], padding: [0, k / 2]),
                () => F.conv2d(inputLast, weightLast, strides: [1, stride], padding: [0, k / 2]));
            string name = $"{cin}→{cout} k{k} s{stride} L{length}";
            Console.WriteLine($"| {name} | {oneD:0.0} ms | {twoD:0.0} ms | {last:0.0} ms |");
            values[name + " 1d_ms"] = oneD;
            values[name + " 2d_ms"] = twoD;
            values[name + " 2d_channels_last_ms"] = last;
        }
        values["threads"] = get_num_threads();
        Timing.Report("conv_layouts", values);

        // Channels-last is the (N, H, W, C) storage seen through (N, C, H, W) strides.
        static Tensor ChannelsLast(Tensor x) => x.detach().permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

        (double, double, double) Interleaved(Func<Tensor> a, Func<Tensor> b, Func<Tensor> c)
        {
            var times = new[] { new List<double>(), new List<double>(), new List<double>() };
            var convs = new[] { a, b, c };
            for (int i = 0; i < warmup + reps; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    double ms = Timing.Ms(() =>
                    {
                        using var step = NewDisposeScope();
                        convs[j]().sum().backward();
                    });
                    if (i >= warmup) times[j].Add(ms);
                }
            }
            return (Timing.Median(times[0]), Timing.Median(times[1]), Timing.Median(times[2]));
        }
    }
}
