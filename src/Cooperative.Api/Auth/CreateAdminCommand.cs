using Cooperative.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Auth;

/// <summary>
/// <c>create-admin --user NAME --name 显示名 --password-env VAR</c>: creates the first administrator of a
/// Production database, which starts with no accounts. The password comes from an environment variable, not
/// the command line, so it stays out of shell history.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Arg(string flag) => args.SkipWhile(a => a != flag).Skip(1).FirstOrDefault();
        var userName = Arg("--user");
        var displayName = Arg("--name") ?? userName;
        var passwordVariable = Arg("--password-env") ?? "COOPERATIVE_ADMIN_PASSWORD";
        var password = Environment.GetEnvironmentVariable(passwordVariable);
        if (string.IsNullOrWhiteSpace(userName))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --user NAME [--name DISPLAY] [--password-env VAR]");
            return 2;
        }
        if (PasswordPolicy.Problem(password) is { } problem)
        {
            await Console.Error.WriteLineAsync($"{passwordVariable}: {problem}");
            return 2;
        }

        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
        if (await db.StaffUsers.AnyAsync(u => u.UserName == userName))
        {
            await Console.Error.WriteLineAsync($"user {userName} exists already");
            return 1;
        }
        var user = new StaffUser
        {
            UserName = userName, DisplayName = displayName!, Role = Roles.Admin,
            CreatedUtc = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        user.SetPasswordHash(scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffUser>>().HashPassword(user, password!));
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync();
        Console.WriteLine($"administrator {userName} created");
        return 0;
    }
}
