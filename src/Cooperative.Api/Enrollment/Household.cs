namespace Cooperative.Api.Enrollment;

/// <summary>
/// A household (户), the unit of enrolment: its card number (合作医疗证号), its head, and where it lives,
/// down to the village. Members are in <see cref="Membership"/>.
/// </summary>
public sealed class Household
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string CardNumber { get; init; }
    public required Guid HeadPersonId { get; init; }
    public required string TownshipCode { get; init; }
    public required string VillageCode { get; init; }
    /// <summary>The rest of the address (组、门牌号), if known.</summary>
    public string? Address { get; init; }
    public required DateTime RegisteredUtc { get; init; }
}
