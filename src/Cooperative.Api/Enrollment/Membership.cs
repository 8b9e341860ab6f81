using Cooperative.Domain.Enrollment;

namespace Cooperative.Api.Enrollment;

/// <summary>
/// A person's membership of a household over a period [From, To): the household register's history. A move
/// closes the old row and opens a new one; a death or departure closes the row. Rows are never rewritten
/// otherwise.
/// </summary>
public sealed class Membership
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required Guid PersonId { get; init; }
    public required Guid HouseholdId { get; init; }
    public required Relationship Relationship { get; init; }
    public required DateOnly From { get; init; }
    /// <summary>The first day the person no longer belongs; null while he does.</summary>
    public DateOnly? To { get; private set; }

    public bool IsOpen => To is null;

    public bool CoversDate(DateOnly date) => From <= date && (To is null || date < To);

    public void Close(DateOnly on)
    {
        if (To is not null) throw new InvalidOperationException("The membership is closed already.");
        To = on;
    }
}
