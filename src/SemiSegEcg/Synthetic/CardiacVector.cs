namespace SemiSegEcg.Synthetic;

/// <summary>
/// A heart-dipole direction or a lead axis in body coordinates: X to the patient's left (lead I), Y inferior
/// (aVF), Z anterior. Amplitudes in mV.
/// </summary>
internal readonly record struct CardiacVector(double X, double Y, double Z)
{
    /// <param name="frontalDegrees">Hexaxial angle in the frontal plane: 0° = lead I, +90° = aVF.</param>
    /// <param name="anteriorDegrees">Elevation towards the chest wall (positive = anterior).</param>
    public static CardiacVector FromAngles(double frontalDegrees, double anteriorDegrees, double magnitude)
    {
        double frontal = frontalDegrees * Math.PI / 180, anterior = anteriorDegrees * Math.PI / 180;
        return new CardiacVector(
            magnitude * Math.Cos(anterior) * Math.Cos(frontal),
            magnitude * Math.Cos(anterior) * Math.Sin(frontal),
            magnitude * Math.Sin(anterior));
    }

    public double Dot(CardiacVector other) => X * other.X + Y * other.Y + Z * other.Z;

    public double Length => Math.Sqrt(Dot(this));

    public static CardiacVector operator +(CardiacVector a, CardiacVector b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static CardiacVector operator -(CardiacVector a, CardiacVector b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static CardiacVector operator *(double s, CardiacVector a) => new(s * a.X, s * a.Y, s * a.Z);
}
