namespace Cooperative.Domain.Identity;

/// <summary>Gender (性别) as encoded in the 17th digit of a resident ID number.</summary>
public enum Gender
{
    /// <summary>男 (odd 17th digit).</summary>
    [Label("男", "男性")]
    Male,

    /// <summary>女 (even 17th digit).</summary>
    [Label("女", "女性")]
    Female,
}
