namespace Cooperative.Domain;

/// <summary>
/// Money rules of the scheme: amounts are yuan (元) held as <see cref="decimal"/> with two decimals (分),
/// never floating point.
/// </summary>
public static class Money
{
    /// <summary>
    /// Rounds to the fen (分), half away from zero (四舍五入): 2.345 → 2.35, −2.345 → −2.35.
    /// </summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>True when the amount has no more than two decimals (whole fen).</summary>
    public static bool IsWholeFen(decimal amount) => Math.Round(amount, 2) == amount;
}
