using Cooperative.Api.Data;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.County;

/// <summary>
/// The contribution campaign (集中缴费) of the autumn before the fund year: households come to the window
/// between 8 October and 31 December and enrol some or all of their members, through the same enrolment that
/// issues the receipt and posts contributions and subsidies to the ledger. Exactly 88.63 % of the township's
/// residents join (rounded): a few households stay out altogether, and in the others some members (mostly away
/// working) do not join.
/// </summary>
internal sealed class CountyEnrolment(IServiceProvider services, CountyClock clock, CountyRequest request, CountyTally tally)
{
    private const int BatchSize = 100;

    private sealed record Member(Guid HouseholdId, string CardNumber, Guid PersonId, string IdNumber);

    private sealed record Visit(Guid HouseholdId, IReadOnlyList<Guid> PersonIds, DateTimeOffset At);

    public async Task EnrolAsync(string township, CancellationToken ct)
    {
        var visits = Plan(township, await MembersAsync(township, ct));
        await Batches.RunAsync(visits.Chunk(BatchSize).ToList(), request.Workers, batch => EnrolBatchAsync(batch, ct));
    }

    private async Task<List<Member>> MembersAsync(string township, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        return await (from h in db.Households where h.TownshipCode == township
                      join m in db.Memberships on h.Id equals m.HouseholdId where m.To == null
                      join p in db.Persons on m.PersonId equals p.Id
                      select new Member(h.Id, h.CardNumber, p.Id, p.IdNumber)).AsNoTracking().ToListAsync(ct);
    }

    private List<Visit> Plan(string township, List<Member> members)
    {
        var random = StableRandom.For(request.Seed, "enrol:" + township);
        var households = members.GroupBy(m => m.CardNumber).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var keys = new Dictionary<Guid, double>();
        var when = new Dictionary<Guid, DateTimeOffset>();
        var campaignStart = new DateOnly(request.FundYear - 1, 10, 8);
        foreach (var household in households)
        {
            var staysOut = random.NextDouble() < 0.03 ? 1.0 : 0.0;
            foreach (var member in household.OrderBy(m => m.IdNumber, StringComparer.Ordinal)) keys[member.PersonId] = random.NextDouble() + staysOut;
            when[household.First().HouseholdId] = CountyClock.At(campaignStart.AddDays(random.Next(85)), random.Next(510, 1020));
        }
        var joining = keys.OrderBy(k => k.Value).Take((int)Math.Round(members.Count * CountyFacts.EnrolledShare)).Select(k => k.Key).ToHashSet();
        return households
            .Select(h => new Visit(h.First().HouseholdId, h.Where(m => joining.Contains(m.PersonId)).Select(m => m.PersonId).ToList(),
                when[h.First().HouseholdId]))
            .Where(v => v.PersonIds.Count > 0).OrderBy(v => v.At).ToList();
    }

    private async Task EnrolBatchAsync(Visit[] batch, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CountyActor>().Current = CountyActor.Window(request.RunId);
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        var enrolment = scope.ServiceProvider.GetRequiredService<HouseholdEnrolment>();
        foreach (var visit in batch)
        {
            clock.Set(visit.At);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var outcome = await enrolment.EnrolAsync(visit.HouseholdId, request.FundYear, visit.PersonIds, ct);
                    if (outcome.Refusal is { } refusal)
                        throw new InvalidOperationException($"Enrolment refused: {refusal.Code} {refusal.Title} {refusal.Detail}");
                    tally.Enrolment(visit.PersonIds.Count);
                    break;
                }
                catch (Exception e) when (DatabaseErrors.IsDeadlock(e) && attempt < 3)
                {
                    db.ChangeTracker.Clear();
                }
            }
            db.ChangeTracker.Clear();
        }
    }
}
