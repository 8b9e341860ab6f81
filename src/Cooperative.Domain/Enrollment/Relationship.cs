namespace Cooperative.Domain.Enrollment;

/// <summary>Relationship of a member to the head of the household (与户主关系).</summary>
public enum Relationship
{
    /// <summary>户主.</summary>
    [Label("户主", "本人")]
    Head,

    /// <summary>配偶.</summary>
    [Label("配偶", "妻子", "妻", "丈夫", "夫")]
    Spouse,

    /// <summary>子女.</summary>
    [Label("子女", "儿子", "女儿", "子", "女")]
    Child,

    /// <summary>儿媳/女婿 (spouse of a child).</summary>
    [Label("儿媳女婿", "儿媳", "女婿")]
    ChildInLaw,

    /// <summary>父母.</summary>
    [Label("父母", "父亲", "母亲")]
    Parent,

    /// <summary>祖父母.</summary>
    [Label("祖父母")]
    Grandparent,

    /// <summary>孙子女.</summary>
    [Label("孙子女", "孙子", "孙女", "外孙子女")]
    Grandchild,

    /// <summary>兄弟姐妹.</summary>
    [Label("兄弟姐妹")]
    Sibling,

    /// <summary>其他.</summary>
    [Label("其他")]
    Other,
}

public static class Relationships
{
    public static string ChineseName(Relationship relationship) => Vocabulary.Label(relationship);

    /// <summary>Reads the code, the Chinese name or a usual variant (本人, 妻子, 儿子, 孙女...): <see cref="Vocabulary"/>.</summary>
    public static bool TryParse(string? text, out Relationship relationship) => Vocabulary.TryParse(text, out relationship);
}
