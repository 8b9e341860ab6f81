using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Staff;

public sealed record StaffUserResponse(string UserName, string DisplayName, string Role, bool IsActive, bool IsLockedOut);

public sealed record CreateStaffUserRequest(string? UserName, string? DisplayName, string? Role, string? Password);

/// <summary>Staff accounts (工作人员账号), managed by administrators.</summary>
public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapPost("/{userName}/unlock", (string userName, CooperativeDbContext db, CancellationToken ct) =>
            Change(userName, u => u.Unlock(), db, ct));
        group.MapPost("/{userName}/deactivate", (string userName, CooperativeDbContext db, CancellationToken ct) =>
            Change(userName, u => u.Deactivate(), db, ct));
        return group;
    }

    private static async Task<Ok<List<StaffUserResponse>>> List(CooperativeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.StaffUsers.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        return TypedResults.Ok(users.Select(u => ToResponse(u, now)).ToList());
    }

    private static async Task<Results<Created<StaffUserResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateStaffUserRequest request, CooperativeDbContext db, IPasswordHasher<StaffUser> hasher, TimeProvider clock,
        CancellationToken ct)
    {
        var validation = Validate(request);
        if (!validation.IsValid) return validation.ToProblem();
        if (await db.StaffUsers.AnyAsync(u => u.UserName == request.UserName, ct))
            return Problems.Conflict("staff_user_exists", "用户名已存在", $"用户名 {request.UserName} 已被使用");

        var user = new StaffUser
        {
            UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(), Role = request.Role!,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        user.SetPasswordHash(hasher.HashPassword(user, request.Password!));
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/staff/{user.UserName}", ToResponse(user, DateTime.UtcNow));
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

    private static async Task<Results<Ok<StaffUserResponse>, ProblemHttpResult>> Change(string userName, Action<StaffUser> change,
        CooperativeDbContext db, CancellationToken ct)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null) return Problems.NotFound("staff_user_not_found", "用户不存在");
        change(user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(user, DateTime.UtcNow));
    }

    private static StaffUserResponse ToResponse(StaffUser u, DateTime now) =>
        new(u.UserName, u.DisplayName, u.Role, u.IsActive, u.IsLockedOut(now));
}
