using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// A resident known to the scheme (参合人员): one row per person, found by his resident ID number. Which
/// household he belongs to is kept in <see cref="Membership"/> rows, so moving never overwrites anything.
/// </summary>
public sealed class Person
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string IdNumber { get; init; }
    public required string Name { get; init; }
    public required Gender Gender { get; init; }
    public required DateOnly BirthDate { get; init; }
    /// <summary>人员类别: decides who pays the contribution.</summary>
    public required PersonCategory Category { get; init; }
    public PersonStatus Status { get; private set; } = PersonStatus.Active;
    /// <summary>Date of death or departure; null while active.</summary>
    public DateOnly? StatusSince { get; private set; }
    public required DateTime RegisteredUtc { get; init; }

    public bool IsActive => Status == PersonStatus.Active;

    /// <summary>Records a death (死亡) or a departure (迁出) on a date.</summary>
    public void Deactivate(PersonStatus status, DateOnly since)
    {
        if (status == PersonStatus.Active) throw new ArgumentException("Use a status other than Active.", nameof(status));
        Status = status;
        StatusSince = since;
    }
}
