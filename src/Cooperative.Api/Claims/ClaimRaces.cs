using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Claims;

/// <summary>
/// Two people acting on one claim at once (two windows paying, a reviewer rejecting while the month is settled):
/// the first write wins; the second finds the claim's version moved (or its history step taken, or lost the
/// deadlock) and is refused, never applied on top.
/// </summary>
internal static class ClaimRaces
{
    public static Refusal Lost { get; } = Refusal.Conflict(ClaimErrors.WrongState, "报销单已被他人同时处理",
        "该报销单的状态刚刚被其他操作改变，请刷新后查看");

    public static bool IsLost(Exception e) =>
        e is DbUpdateConcurrencyException || DatabaseErrors.IsDeadlock(e) || DatabaseErrors.IsUniqueViolation(e);

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
