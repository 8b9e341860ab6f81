using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Facilities;

/// <summary>A facility with the name of its township, as lists show it.</summary>
internal sealed record FacilityRow(Facility Facility, string TownshipName);

/// <summary>
/// The filters of the facility lists and the register export: level, township (code or name), status,
/// ownership. Unknown values are a validation problem, not an empty list.
/// </summary>
internal sealed record FacilityFilter(FacilityLevel? Level, string? Township, FacilityStatus? Status, FacilityOwnership? Ownership)
{
    /// <summary>The start of a code or part of a name, as a clerk types it when picking a facility.</summary>
    public string? Text { get; init; }

    public static Validation Parse(string? level, string? township, string? status, string? ownership, out FacilityFilter filter)
    {
        var v = new Validation().Code(level, "level", "级别", out FacilityLevel? byLevel)
            .Code(status, "status", "状态", out FacilityStatus? byStatus)
            .Code(ownership, "ownership", "所有制", out FacilityOwnership? byOwnership);
        filter = new FacilityFilter(byLevel, string.IsNullOrWhiteSpace(township) ? null : township.Trim(), byStatus, byOwnership);
        return v;
    }

    /// <summary>The matching facilities ordered by code, optionally only those of some statuses.</summary>
    public IQueryable<FacilityRow> Apply(CooperativeDbContext db, IReadOnlyCollection<FacilityStatus>? onlyStatuses = null)
    {
        var query = from f in db.Facilities.AsNoTracking()
                    join t in db.Townships.AsNoTracking() on f.TownshipCode equals t.Code
                    select new { f, t };
        if (onlyStatuses is not null) query = query.Where(x => onlyStatuses.Contains(x.f.Status));
        if (Level is { } level) query = query.Where(x => x.f.Level == level);
        if (Status is { } status) query = query.Where(x => x.f.Status == status);
        if (Ownership is { } ownership) query = query.Where(x => x.f.Ownership == ownership);
        if (Text is { Length: > 0 } text) query = query.Where(x => x.f.Code.StartsWith(text) || x.f.Name.Contains(text));
        if (Township is { } township) query = query.Where(x => x.t.Code == township || x.t.Name == township);
        return query.OrderBy(x => x.f.Code).Select(x => new FacilityRow(x.f, x.t.Name));
    }
}
