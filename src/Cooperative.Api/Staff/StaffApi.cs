using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Staff;

public sealed record StaffUserResponse(string UserName, string DisplayName, string Role, bool IsActive, bool IsLockedOut);

public sealed record CreateStaffUserRequest(string? UserName, string? DisplayName, string? Role, string? Password);

public sealed record ChangeRoleRequest(string? Role);

/// <summary>
/// Staff accounts (工作人员账号), managed by administrators. Deactivating, reactivating, unlocking or changing the
/// role of an account takes effect for its live tokens at once on this instance (and within
/// <c>Authentication:AccountStateSeconds</c> on others).
/// </summary>
public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List)
            .WithSummary("List staff accounts (工作人员账号)")
            .WithDescription("Every staff account with its role, whether active and whether locked now.")
            .WithName("ListStaff");
        group.MapPost("/", Create)
            .WithSummary("Create a staff account")
            .WithDescription("Creates an account with a role (admin, window, reviewer or auditor) and a password "
                + "(at least 10 characters with letters and digits; stored hashed). Refused when the "
                + "user name is taken.")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "staff_user_exists")
            .WithName("CreateStaff");
        group.MapPost("/{userName}/unlock", Unlock)
            .WithSummary("Unlock a staff account")
            .WithDescription("Clears the wrong-password count and the lock.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "staff_user_not_found")
            .WithName("UnlockStaff");
        group.MapPost("/{userName}/deactivate", (string userName, CooperativeDbContext db, AccountStates states, TimeProvider clock, CancellationToken ct) =>
            Change(userName, u => u.Deactivate(), db, states, clock, ct))
            .WithSummary("Deactivate a staff account")
            .WithDescription("The account can no longer sign in, and its live tokens stop at once on this instance "
                + "(within seconds on others).")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "staff_user_not_found")
            .WithName("DeactivateStaff");
        group.MapPost("/{userName}/activate", (string userName, CooperativeDbContext db, AccountStates states, TimeProvider clock, CancellationToken ct) =>
            Change(userName, u => u.Activate(), db, states, clock, ct))
            .WithSummary("Reactivate a staff account")
            .WithDescription("The account may sign in again.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "staff_user_not_found")
            .WithName("ActivateStaff");
        group.MapPut("/{userName}/role", ChangeRole)
            .WithSummary("Change a staff account's role")
            .WithDescription("Sets the role (admin, window, reviewer or auditor); live tokens carrying the old role"
                + " stop at once on this instance.")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "staff_user_not_found")
            .WithName("ChangeStaffRole");
        return group;
    }

    private static async Task<Ok<List<StaffUserResponse>>> List(CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.StaffUsers.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var locked = (await db.AccountLocks.AsNoTracking().Where(l => l.LockedUntilUtc > now).Select(l => l.Account).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return TypedResults.Ok(users.Select(u => ToResponse(u, locked.Contains(AccountLock.Staff(u.UserName)))).ToList());
    }

    private static async Task<Results<Created<StaffUserResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateStaffUserRequest request, CooperativeDbContext db, IPasswordHasher<StaffUser> hasher, TimeProvider clock,
        CancellationToken ct)
    {
        var validation = Validate(request);
        if (!validation.IsValid) return validation.ToProblem();
        if (await db.StaffUsers.AnyAsync(u => u.UserName == request.UserName!.Trim(), ct))
            return Problems.Conflict("staff_user_exists", "用户名已存在", $"用户名 {request.UserName} 已被使用");

        var user = new StaffUser
        {
            UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(), Role = request.Role!,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        user.SetPasswordHash(hasher.HashPassword(user, request.Password!));
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/staff/{Uri.EscapeDataString(user.UserName)}", ToResponse(user, false));
    }

    internal static Validation Validate(CreateStaffUserRequest request)
    {
        var v = new Validation()
            .Required(request.UserName, "userName", "用户名", 64)
            .Required(request.DisplayName, "displayName", "姓名", 64)
            .Check(Roles.IsStaffRole(request.Role), "role", "角色必须是 admin、window、reviewer 或 auditor 之一");
        if (request.UserName is { Length: > 0 } name && !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            v.Add("userName", "用户名只能包含字母、数字、点、下划线和连字符");
        if (PasswordPolicy.Problem(request.Password) is { } problem) v.Add("password", problem);
        return v;
    }

    private static async Task<Results<Ok<StaffUserResponse>, ValidationProblem, ProblemHttpResult>> ChangeRole(string userName, ChangeRoleRequest request,
        CooperativeDbContext db, AccountStates states, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Check(Roles.IsStaffRole(request.Role), "role", "角色必须是 admin、window、reviewer 或 auditor 之一");
        if (!v.IsValid) return v.ToProblem();
        var changed = await Change(userName, u => u.ChangeRole(request.Role!), db, states, clock, ct);
        return changed.Result switch
        {
            Ok<StaffUserResponse> ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("unexpected result"),
        };
    }

    /// <summary>Clears the wrong-password count and the lock (an audited change of its own).</summary>
    private static async Task<Results<Ok<StaffUserResponse>, ProblemHttpResult>> Unlock(string userName, CooperativeDbContext db,
        AccountStates states, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null) return Problems.NotFound("staff_user_not_found", "用户不存在");
        await AccountUnlock.UnlockAsync(db, AccountLock.Staff(user.UserName), actor, clock, ct);
        states.Forget(AccountLock.Staff(user.UserName));
        return TypedResults.Ok(ToResponse(user, false));
    }

    private static async Task<Results<Ok<StaffUserResponse>, ProblemHttpResult>> Change(string userName, Action<StaffUser> change,
        CooperativeDbContext db, AccountStates states, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null) return Problems.NotFound("staff_user_not_found", "用户不存在");
        change(user);
        await db.SaveChangesAsync(ct);
        states.Forget(AccountLock.Staff(user.UserName));
        var now = clock.GetUtcNow().UtcDateTime;
        var locked = await db.AccountLocks.AnyAsync(l => l.Account == AccountLock.Staff(user.UserName) && l.LockedUntilUtc > now, ct);
        return TypedResults.Ok(ToResponse(user, locked));
    }

    private static StaffUserResponse ToResponse(StaffUser u, bool locked) => new(u.UserName, u.DisplayName, u.Role, u.IsActive, locked);
}
