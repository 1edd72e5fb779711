using System.Runtime.ExceptionServices;

namespace SemiSegEcg.Concurrency;

/// <summary>
/// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> that reports a failure the way a sequential loop
/// would: the exception of the lowest failing index, rethrown as itself (an <see cref="InvalidDataException"/> naming
/// a file stays one), instead of an <see cref="AggregateException"/> of whichever items happened to fail first.
/// </summary>
public static class OrderedParallel
{
    public static void For(int count, int maxDegreeOfParallelism, Action<int> body)
    {
        var failures = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        var first = Array.Find(failures, e => e is not null);
        if (first is not null) ExceptionDispatchInfo.Capture(first).Throw();
    }
}
