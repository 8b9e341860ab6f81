namespace Cooperative.Domain.Enrollment;

/// <summary>Relationship of a member to the head of the household (与户主关系).</summary>
public enum Relationship
{
    /// <summary>户主.</summary>
    Head,

    /// <summary>配偶.</summary>
    Spouse,

    /// <summary>子女.</summary>
    Child,

    /// <summary>儿媳/女婿 (spouse of a child).</summary>
    ChildInLaw,

    /// <summary>父母.</summary>
    Parent,

    /// <summary>祖父母.</summary>
    Grandparent,

    /// <summary>孙子女.</summary>
    Grandchild,

    /// <summary>兄弟姐妹.</summary>
    Sibling,

    /// <summary>其他.</summary>
    Other,
}

public static class Relationships
{
    private static readonly Dictionary<Relationship, string> Names = new()
    {
        [Relationship.Head] = "户主", [Relationship.Spouse] = "配偶", [Relationship.Child] = "子女",
        [Relationship.ChildInLaw] = "儿媳女婿", [Relationship.Parent] = "父母", [Relationship.Grandparent] = "祖父母",
        [Relationship.Grandchild] = "孙子女", [Relationship.Sibling] = "兄弟姐妹", [Relationship.Other] = "其他",
    };

    private static readonly Dictionary<string, Relationship> ByText = BuildLookup();

    public static string ChineseName(Relationship relationship) => Names[relationship];

    /// <summary>Reads the Chinese name (also the usual variants: 本人, 妻子, 儿子, 孙女...) or the English name.</summary>
    public static bool TryParse(string? text, out Relationship relationship) =>
        ByText.TryGetValue(text?.Trim() ?? "", out relationship);

    private static Dictionary<string, Relationship> BuildLookup()
    {
        var lookup = new Dictionary<string, Relationship>(StringComparer.OrdinalIgnoreCase)
        {
            ["本人"] = Relationship.Head, ["妻子"] = Relationship.Spouse, ["妻"] = Relationship.Spouse,
            ["丈夫"] = Relationship.Spouse, ["夫"] = Relationship.Spouse, ["儿子"] = Relationship.Child,
            ["女儿"] = Relationship.Child, ["子"] = Relationship.Child, ["女"] = Relationship.Child,
            ["儿媳"] = Relationship.ChildInLaw, ["女婿"] = Relationship.ChildInLaw, ["父亲"] = Relationship.Parent,
            ["母亲"] = Relationship.Parent, ["孙子"] = Relationship.Grandchild, ["孙女"] = Relationship.Grandchild,
            ["外孙子女"] = Relationship.Grandchild,
        };
        foreach (var (relationship, name) in Names)
        {
            lookup[name] = relationship;
            lookup[relationship.ToString()] = relationship;
        }
        return lookup;
    }
}
