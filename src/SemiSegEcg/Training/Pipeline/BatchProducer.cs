using System.Threading.Channels;
using SemiSegEcg.Concurrency;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Randomness;

namespace SemiSegEcg.Training.Pipeline;

/// <summary>
/// Produces the host batches of one epoch on a background task into a bounded channel, so augmentation overlaps the
/// training step. Every item draws from its own generator derived from (seed, epoch, loader, position), so the
/// batches are identical whatever the thread timing, and a resumed epoch replays exactly.
/// </summary>
public sealed class BatchProducer
{
    private readonly IReadOnlyList<EcgSample> _labeled;
    private readonly IReadOnlyList<EcgSample>? _unlabeled;
    private readonly ViewRecipe _labeledRecipe;
    private readonly ViewRecipe _unlabeledRecipe;
    private readonly int _lengthSamples;
    private readonly int _workers;

    /// <param name="workers">Threads that build items (the original's <c>num_workers</c>).</param>
    public BatchProducer(IReadOnlyList<EcgSample> labeled, IReadOnlyList<EcgSample>? unlabeled,
        ViewRecipe labeledRecipe, ViewRecipe unlabeledRecipe, int lengthSamples, int workers = 2)
    {
        _labeled = labeled;
        _unlabeled = unlabeled;
        _labeledRecipe = labeledRecipe;
        _unlabeledRecipe = unlabeledRecipe;
        _lengthSamples = lengthSamples;
        _workers = Math.Max(1, workers);
    }

    /// <summary>Yields the batches of <paramref name="plan"/>; at most <paramref name="prefetch"/> wait in the queue.</summary>
    public IEnumerable<StepBatches> Epoch(EpochPlan plan, long seed, int epoch, int prefetch = 4, CancellationToken cancellation = default)
    {
        var channel = Channel.CreateBounded<StepBatches>(new BoundedChannelOptions(prefetch) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var producer = Task.Run(async () =>
        {
            try
            {
                for (int step = 0; step < plan.Steps; step++)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    await channel.Writer.WriteAsync(Build(plan, step, seed, epoch), stop.Token).ConfigureAwait(false);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, stop.Token);

        try
        {
            while (true)
            {
                StepBatches? next;
                try
                {
                    if (!channel.Reader.WaitToReadAsync(cancellation).AsTask().GetAwaiter().GetResult()) break;
                    if (!channel.Reader.TryRead(out next)) continue;
                }
                catch (ChannelClosedException e) when (e.InnerException is not null)
                {
                    throw new InvalidOperationException($"building a training batch failed: {e.InnerException.Message}", e.InnerException);
                }
                yield return next;
            }
            if (channel.Reader.Completion.IsFaulted)
            {
                var error = channel.Reader.Completion.Exception!.GetBaseException();
                throw new InvalidOperationException($"building a training batch failed: {error.Message}", error);
            }
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { } catch (OperationCanceledException) { }
        }
    }

    /// <summary>Builds one step's batches synchronously (also used by benchmarks and tests).</summary>
    public StepBatches Build(EpochPlan plan, int step, long seed, int epoch)
    {
        var labeled = BuildBatch(_labeled, plan.LabeledBatch(step).ToArray(), _labeledRecipe, withMask: true, seed, epoch, loader: 0, step, plan.BatchSize);
        HostBatch? unlabeled = null;
        if (_unlabeled is not null && plan.UnlabeledOrder is not null)
            unlabeled = BuildBatch(_unlabeled, plan.UnlabeledBatch(step).ToArray(), _unlabeledRecipe, withMask: false, seed, epoch, loader: 1, step, plan.BatchSize);
        return new StepBatches(step, labeled, unlabeled);
    }

    private HostBatch BuildBatch(IReadOnlyList<EcgSample> samples, int[] indices, ViewRecipe recipe, bool withMask,
        long seed, int epoch, int loader, int step, int batchSize)
    {
        int n = indices.Length, t = _lengthSamples;
        var strong = Enumerable.Range(0, recipe.StrongViews).Select(_ => new float[n * t]).ToArray();
        var batch = new HostBatch(n, t, new float[n * t], withMask ? new long[n * t] : null, strong, indices);
        OrderedParallel.For(n, _workers, row =>
        {
            var random = SeededRandom.Derive(seed, epoch, loader, (long)step * batchSize + row);
            ItemBuilder.Fill(samples[indices[row]], recipe, withMask, random, batch, row);
        });
        return batch;
    }
}
