using Cooperative.Domain;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Disclosures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Disclosures;

/// <summary>Stable codes of the disclosure's refusals.</summary>
public static class DisclosureErrors
{
    public const string MonthNotEnded = "disclosure_month_not_ended";
    public const string NotFound = "disclosure_not_found";
    public const string AlreadyPublished = "disclosure_already_published";
    public const string NotReviewed = "disclosure_not_reviewed";
    public const string UnknownFormat = "disclosure_unknown_format";
}

/// <summary>Prepare, review, publish (编制、审核、发布): each step by an administrator, each audited, publication final.</summary>
internal sealed class DisclosureWorkflow(CooperativeDbContext db, DisclosureSource source, AuditChain chain, ICurrentActor actor, TimeProvider clock)
{
    public async Task<(MonthlyDisclosure? Disclosure, Refusal? Refusal)> PrepareAsync(DisclosureMonth month, CancellationToken ct)
    {
        if (!month.HasEnded(clock.Today()))
            return (null, Refusal.Unprocessable(DisclosureErrors.MonthNotEnded, "该月尚未结束，不能编制公示", $"{month} 月结束后才能编制本月公示"));
        // Seal what is pending first, so that the checkpoint printed in the month is the chain's head as it is now.
        await chain.SealPendingAsync(ct);
        var disclosure = await db.MonthlyDisclosures.SingleOrDefaultAsync(d => d.Month == month.ToString(), ct);
        if (disclosure?.Status == DisclosureStatus.Published) return (null, Published(month));
        var document = DisclosureDocument.Of(await source.BuildAsync(month, ct));
        if (disclosure is null)
        {
            disclosure = new MonthlyDisclosure { Month = month.ToString() };
            db.MonthlyDisclosures.Add(disclosure);
        }
        disclosure.Prepare(document, actor.Current.Name, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (disclosure, null);
    }

    public async Task<(MonthlyDisclosure? Disclosure, Refusal? Refusal)> ReviewAsync(DisclosureMonth month, string? note,
        CancellationToken ct)
    {
        var disclosure = await db.MonthlyDisclosures.SingleOrDefaultAsync(d => d.Month == month.ToString(), ct);
        if (disclosure is null) return (null, NotFound(month));
        if (disclosure.Status == DisclosureStatus.Published) return (null, Published(month));
        disclosure.Review(actor.Current.Name, clock.GetUtcNow().UtcDateTime, note);
        await db.SaveChangesAsync(ct);
        return (disclosure, null);
    }

    /// <summary>Publishes exactly the reviewed content; a second publication of the month is refused, even a concurrent one.</summary>
    public async Task<(MonthlyDisclosure? Disclosure, Refusal? Refusal)> PublishAsync(DisclosureMonth month, CancellationToken ct)
    {
        var disclosure = await db.MonthlyDisclosures.SingleOrDefaultAsync(d => d.Month == month.ToString(), ct);
        if (disclosure is null) return (null, NotFound(month));
        if (disclosure.Status == DisclosureStatus.Published) return (null, Published(month));
        if (disclosure.Status != DisclosureStatus.Reviewed)
            return (null, Refusal.Conflict(DisclosureErrors.NotReviewed, "公示须经审核后才能发布", $"{month} 月公示尚未审核"));
        db.PublishedDisclosures.Add(disclosure.Publish(actor.Current.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await AlreadyPublishedAsync(month, ct)) return (null, Published(month));
            throw;
        }
        return (disclosure, null);
    }

    private async Task<bool> AlreadyPublishedAsync(DisclosureMonth month, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.PublishedDisclosures.AnyAsync(p => p.Month == month.ToString(), ct);
    }

    public static Refusal NotFound(DisclosureMonth month) =>
        Refusal.NotFound(DisclosureErrors.NotFound, "该月公示不存在", $"{month} 月公示尚未编制或尚未发布");

    private static Refusal Published(DisclosureMonth month) =>
        Refusal.Conflict(DisclosureErrors.AlreadyPublished, "该月公示已发布，不能更改",
            $"{month} 月公示已发布；此后的冲销将在冲销当月的公示中作为更正列出");
}
