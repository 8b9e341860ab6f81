using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>
/// Two people acting on one claim at once (two windows paying, a reviewer rejecting while the month is settled):
/// the first write wins; the second finds the claim's version moved (or its history step taken) and is refused, never
/// applied on top. A deadlock (or a Galera certification failure) is not a refusal here: the request is tried again
/// (<see cref="ConflictRetry"/>) and then meets the winner's state and the domain's own refusal.
/// </summary>
internal static class ClaimRaces
{
    public static Refusal Lost { get; } = Refusal.Conflict(ClaimErrors.WrongState, "报销单已被他人同时处理",
        "该报销单的状态刚刚被其他操作改变，请刷新后查看");

    public static bool IsLost(Exception e) =>
        e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e);

    public static async Task<Refusal?> GuardAsync(Func<Task<Refusal?>> write)
    {
        try
        {
            return await write();
        }
        catch (Exception e) when (IsLost(e))
        {
            return Lost;
        }
    }
}
