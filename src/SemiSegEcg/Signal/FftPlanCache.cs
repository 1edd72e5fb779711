using System.Collections.Concurrent;

namespace SemiSegEcg.Signal;

/// <summary>
/// Memo of immutable FFT plans by length. Behaviour-neutral (a plan is a pure function of its length), so results
/// never depend on what was cached. Bluestein's inner plans (2·3·5-smooth lengths, a few dozen below 10,000) are
/// always kept; other lengths only until <see cref="MaxCachedLengths"/> are held, because the augmentation resize
/// asks for thousands of different lengths and a plan holds O(n) tables. The fixed lengths of preprocessing and the
/// resize's forward transform are requested first, so they are the ones kept.
/// </summary>
internal static class FftPlanCache
{
    private const int MaxCachedLengths = 32;

    private static readonly ConcurrentDictionary<int, ComplexFft> ComplexPlans = new();
    private static readonly ConcurrentDictionary<int, RealFft> RealPlans = new();

    public static ComplexFft Complex(int length)
    {
        if (ComplexPlans.TryGetValue(length, out ComplexFft? plan)) return plan;
        plan = new ComplexFft(length);
        return ShouldKeep(length, ComplexPlans.Count) ? ComplexPlans.GetOrAdd(length, plan) : plan;
    }

    public static ComplexFft BluesteinInner(int smoothLength) => ComplexPlans.GetOrAdd(smoothLength, n => new ComplexFft(n));

    public static RealFft Real(int length)
    {
        if (RealPlans.TryGetValue(length, out RealFft? plan)) return plan;
        plan = new RealFft(length);
        return ShouldKeep(length, RealPlans.Count) ? RealPlans.GetOrAdd(length, plan) : plan;
    }

    private static bool ShouldKeep(int length, int count) => count < MaxCachedLengths;
}
