namespace SemiSegEcg.Transforms;

/// <summary>Argument checks shared by the transform constructors; failures name the argument as configs spell it.</summary>
internal static class TransformGuard
{
    public static double Finite(string transform, string argument, double value)
    {
        if (!double.IsFinite(value)) throw new TransformArgumentException(transform, argument, value, "must be a finite number");
        return value;
    }

    public static double NonNegative(string transform, string argument, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value)) throw new TransformArgumentException(transform, argument, value, "must be a finite number ≥ 0");
        return value;
    }

    public static double Positive(string transform, string argument, double value)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new TransformArgumentException(transform, argument, value, "must be a finite number > 0");
        return value;
    }

    public static double Probability(string transform, string argument, double value)
    {
        if (!(value >= 0 && value <= 1)) throw new TransformArgumentException(transform, argument, value, "must be in [0, 1]");
        return value;
    }

    public static int AtLeast(string transform, string argument, int value, int minimum)
    {
        if (value < minimum) throw new TransformArgumentException(transform, argument, value, $"must be at least {minimum}");
        return value;
    }
}
