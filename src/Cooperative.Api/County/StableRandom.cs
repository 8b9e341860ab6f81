using System.Text;

namespace Cooperative.Api.County;

/// <summary>
/// Deterministic randomness: seeds derived from the run's seed and a stable key (FNV-1a, never
/// string.GetHashCode, which changes from process to process), and the few distributions the county needs.
/// </summary>
internal static class StableRandom
{
    public static Random For(int seed, string key) => new(Seed(seed, key));

    public static int Seed(int seed, string key)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return (int)(hash ^ (hash >> 32)) & int.MaxValue;
    }

    public static double Normal(this Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    /// <summary>Log-normal with the given median and log-scale spread.</summary>
    public static double LogNormal(this Random random, double median, double sigma) => median * Math.Exp(sigma * random.Normal());

    /// <summary>Poisson by multiplication of uniforms (Knuth): fine for the small means of claims per person.</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * random.Normal())));
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }
        return count;
    }

    /// <summary>Gamma with mean 1 and shape k (Marsaglia–Tsang): how much more than average a person is ill.</summary>
    public static double Frailty(this Random random, double shape)
    {
        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = random.Normal();
                v = 1.0 + (c * x);
            } while (v <= 0);
            v = v * v * v;
            if (Math.Log(1.0 - random.NextDouble()) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v))) return d * v / shape;
        }
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>One of the items, chosen with the given weights.</summary>
    public static T Weighted<T>(this Random random, IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = items.Sum(i => i.Weight);
        var x = random.NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            if (x < weight) return item;
            x -= weight;
        }
        return items[^1].Item;
    }
}
