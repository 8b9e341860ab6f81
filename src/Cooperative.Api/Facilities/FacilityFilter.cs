using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
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
    public static Validation Parse(string? level, string? township, string? status, string? ownership, out FacilityFilter filter)
    {
        var v = new Validation();
        filter = new FacilityFilter(
            Optional<FacilityLevel>(level, "level", "级别", v),
            string.IsNullOrWhiteSpace(township) ? null : township.Trim(),
            Optional<FacilityStatus>(status, "status", "状态", v),
            Optional<FacilityOwnership>(ownership, "ownership", "所有制", v));
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
        if (Township is { } township) query = query.Where(x => x.t.Code == township || x.t.Name == township);
        return query.OrderBy(x => x.f.Code).Select(x => new FacilityRow(x.f, x.t.Name));
    }

    private static T? Optional<T>(string? text, string field, string label, Validation v) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Vocabulary.TryParse<T>(text, out var value)) return value;
        v.Add(field, $"{label}必须是 {Vocabulary.Codes<T>()} 之一");
        return null;
    }
}
