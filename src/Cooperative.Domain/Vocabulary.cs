using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace Cooperative.Domain;

/// <summary>
/// The Chinese label of an enumeration member as staff and the public read it (标签), and the other spellings
/// accepted on input for it (a clerk's variants: 本人 for 户主, 低保户 for 低保).
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LabelAttribute(string label, params string[] aliases) : Attribute
{
    public string Label { get; } = label;
    public IReadOnlyList<string> Aliases { get; } = aliases;

    /// <summary>The code on the wire where it is not the member's name in snake case (a code already stored elsewhere).</summary>
    public string? Code { get; init; }
}

/// <summary>One member of an enumeration on the wire: its stable code, its Chinese label, the aliases input accepts.</summary>
public sealed record Term(string Code, string Label, IReadOnlyList<string> Aliases);

/// <summary>
/// One vocabulary for every enumeration, everywhere: the code on the wire is the member's name in snake case
/// (<c>OutsideCounty</c> is <c>outside_county</c>), stable because renaming a member is a breaking change a test
/// catches; the label is the member's <see cref="LabelAttribute"/>. Input takes the code, the label, an alias, or the
/// member's own name in any casing (what earlier versions of the API wrote), and nothing else: not a number.
/// </summary>
public static class Vocabulary
{
    private static readonly ConcurrentDictionary<Type, Entry> Entries = new();

    public static string Code<T>(T value) where T : struct, Enum => Typed<T>.Codes[value];

    public static string Label<T>(T value) where T : struct, Enum => Typed<T>.Labels[value];

    /// <summary>The members of an enumeration in declaration order.</summary>
    public static IReadOnlyList<Term> Terms(Type enumType) => Of(enumType).Terms;

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (TryParse(typeof(T), text, out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    public static bool TryParse(Type enumType, string? text, out Enum value) =>
        Of(enumType).ByText.TryGetValue(Key(text), out value!);

    /// <summary>The codes of an enumeration, for a message: <c>male、female</c>.</summary>
    public static string Codes<T>() where T : struct, Enum => string.Join("、", Terms(typeof(T)).Select(t => t.Code));

    /// <summary><c>OutsideCounty</c> as <c>outside_county</c>.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string Key(string? text) => (text ?? "").Trim().Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    private static Entry Of(Type enumType) => Entries.GetOrAdd(enumType, Build);

    /// <summary>An enumeration's codes and labels keyed by its own type: every response writes them, unboxed.</summary>
    private static class Typed<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Codes = Of(typeof(T)).Codes.ToDictionary(p => (T)p.Key, p => p.Value);
        public static readonly Dictionary<T, string> Labels = Of(typeof(T)).Labels.ToDictionary(p => (T)p.Key, p => p.Value);
    }

    private static Entry Build(Type type)
    {
        if (!type.IsEnum) throw new ArgumentException($"{type} is not an enumeration.", nameof(type));
        var codes = new Dictionary<Enum, string>();
        var labels = new Dictionary<Enum, string>();
        var terms = new List<Term>();
        var byText = new Dictionary<string, Enum>(StringComparer.Ordinal);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (Enum)field.GetValue(null)!;
            var label = field.GetCustomAttribute<LabelAttribute>()
                ?? throw new InvalidOperationException($"{type.Name}.{field.Name} has no [Label]: every member on the wire needs one.");
            var code = label.Code ?? SnakeCase(field.Name);
            codes[value] = code;
            labels[value] = label.Label;
            terms.Add(new Term(code, label.Label, label.Aliases));
            foreach (var text in new[] { code, field.Name, label.Label }.Concat(label.Aliases))
                if (!byText.TryAdd(Key(text), value) && !Equals(byText[Key(text)], value))
                    throw new InvalidOperationException($"{type.Name}: '{text}' names two members.");
        }
        return new Entry(codes, labels, terms, byText);
    }

    private sealed record Entry(Dictionary<Enum, string> Codes, Dictionary<Enum, string> Labels, IReadOnlyList<Term> Terms,
        Dictionary<string, Enum> ByText);
}
