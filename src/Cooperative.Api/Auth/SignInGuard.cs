using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Cooperative.Api.Auth;

/// <summary>
/// In front of <c>/connect/token</c> and of the sign-in page's form (<c>POST /connect/authorize</c> with a
/// <c>username</c>: a password grant of that user, whose refusals are the page again, in Chinese, not JSON), before
/// OpenIddict reads the request: rate limits per client address and per user name or client id (429 problem details
/// with <c>Retry-After</c>), then, for an account that exists, the account's lock held while its credential is
/// checked — in this process a gate per account, on MariaDB also the account's <c>account_locks</c> row locked FOR
/// UPDATE in a transaction of its own, so that concurrent attempts on any instance are counted one after another:
/// <see cref="LockoutOptions.MaxFailures"/> wrong credentials lock the account however many arrive at once, and while
/// it is locked no credential is checked at all.
/// </summary>
public sealed class SignInGuard(RequestDelegate next)
{
    /// <summary>
    /// Set by the token endpoint and the sign-in page when the password they checked was wrong (a wrong client secret
    /// is OpenIddict's 401).
    /// </summary>
    public const string WrongCredentialKey = "coop.sign-in.wrong-credential";
    private const string TokenPath = "/connect/token";
    private const string AuthorizePath = "/connect/authorize";
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext http, TokenRateLimiter limiter, CooperativeDbContext db,
        IOpenIddictApplicationManager applications, IServiceScopeFactory scopes, IOptions<SignInOptions> options, TimeProvider clock,
        AccountStates states)
    {
        var authorize = http.Request.Path.Equals(AuthorizePath, StringComparison.OrdinalIgnoreCase);
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType
            || !(authorize || http.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase)))
        {
            await next(http);
            return;
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new BadHttpRequestException("The form body cannot be read.", StatusCodes.Status400BadRequest, e);
        }
        if (authorize && !form.ContainsKey("username"))
        {
            await next(http); // an authorization request a client posted, not the sign-in page's form: no password
            return;
        }
        var grant = authorize ? OpenIddictConstants.GrantTypes.Password : form["grant_type"].ToString();
        var typed = grant switch
        {
            OpenIddictConstants.GrantTypes.Password => form["username"].ToString(),
            OpenIddictConstants.GrantTypes.ClientCredentials => ClientIdOf(http, form),
            _ => "",
        };
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limiter.TryAcquire("address:" + address) is { } addressWait)
        {
            await (authorize ? PageAsync(http, form, SignInPage.TooMany, addressWait)
                : TooManyAsync(http, addressWait, "同一网络地址请求令牌过于频繁，请稍后再试"));
            return;
        }
        if (typed.Length > 0 && limiter.TryAcquire("account:" + typed.Trim().ToUpperInvariant()) is { } accountWait)
        {
            await (authorize ? PageAsync(http, form, SignInPage.TooMany, accountWait)
                : TooManyAsync(http, accountWait, "同一账号请求令牌过于频繁，请稍后再试"));
            return;
        }

        var account = typed.Length == 0 ? null : grant == OpenIddictConstants.GrantTypes.Password
            ? await db.StaffUsers.AsNoTracking().Where(u => u.UserName == typed).Select(u => u.UserName).FirstOrDefaultAsync(http.RequestAborted) is { } user
                ? AccountLock.Staff(user) : null
            : await applications.FindByClientIdAsync(typed, http.RequestAborted) is { } app
                ? AccountLock.Client((await applications.GetClientIdAsync(app, http.RequestAborted))!) : null;
        if (account is null)
        {
            await next(http); // an unknown account: OpenIddict and the endpoint refuse it; only the rate limits count it
            return;
        }

        var gate = Gates.GetOrAdd(account, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(http.RequestAborted);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var side = scope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
            await using var transaction = side.Database.IsMySql() ? await side.Database.BeginTransactionAsync(http.RequestAborted) : null;
            var state = await HoldAsync(side, account, http.RequestAborted);
            var now = clock.GetUtcNow().UtcDateTime;
            if (state.IsLocked(now))
            {
                await (authorize ? PageAsync(http, form, SignInPage.Locked)
                    : LockedAsync(http, account, state.LockedUntilUtc!.Value - now));
                return;
            }

            var limits = options.Value.TokenRateLimits;
            if (state.CountRequest(now, limits.PerAccount, TimeSpan.FromSeconds(limits.WindowSeconds)) is { } spent)
            {
                await (authorize ? PageAsync(http, form, SignInPage.TooMany, spent)
                    : TooManyAsync(http, spent, "同一账号请求令牌过于频繁，请稍后再试"));
                return;
            }

            await next(http);

            // A right credential clears nothing (see AccountLock.RecordFailure); only wrong ones are counted.
            var wrong = http.Items.ContainsKey(WrongCredentialKey)
                        || (account.StartsWith(AccountLock.ClientPrefix, StringComparison.Ordinal) && http.Response.StatusCode == StatusCodes.Status401Unauthorized);
            try
            {
                if (wrong) await CountFailureAsync(side, state);
                else await side.SaveChangesAsync(CancellationToken.None);
                if (transaction is not null) await transaction.CommitAsync(CancellationToken.None);
            }
            catch (Exception e) when (wrong && DatabaseErrors.IsLostConflict(e))
            {
                // The credential was checked and answered; only the count lost a conflict (on a cluster, another node's
                // attempt on the same account committed first). It is counted again on a fresh transaction, since a
                // wrong password that goes uncounted is one more guess for free.
                await ConflictRetry.RunAsync(async () =>
                {
                    await using var retryScope = scopes.CreateAsyncScope();
                    var again = retryScope.ServiceProvider.GetRequiredService<CooperativeDbContext>();
                    await using var retry = again.Database.IsMySql() ? await again.Database.BeginTransactionAsync(CancellationToken.None) : null;
                    var held = await HoldAsync(again, account, CancellationToken.None);
                    held.CountRequest(clock.GetUtcNow().UtcDateTime, limits.PerAccount, TimeSpan.FromSeconds(limits.WindowSeconds));
                    await CountFailureAsync(again, held);
                    if (retry is not null) await retry.CommitAsync(CancellationToken.None);
                    return true;
                }, CancellationToken.None);
            }
        }
        finally
        {
            gate.Release();
        }

        async Task CountFailureAsync(CooperativeDbContext context, AccountLock held)
        {
            var lockout = options.Value.Lockout;
            var at = clock.GetUtcNow().UtcDateTime;
            var locked = held.RecordFailure(at, lockout.MaxFailures, TimeSpan.FromMinutes(lockout.Minutes));
            context.AuditRecords.Add(Audit(http, account!, locked ? "locked" : "sign-in-failed", at,
                locked ? $"{{\"lockedUntilUtc\":\"{held.LockedUntilUtc:O}\"}}" : $"{{\"failedAttempts\":{held.FailedAttempts}}}"));
            await context.SaveChangesAsync(CancellationToken.None);
            if (locked) states.Forget(account!);
        }
    }

    /// <summary>The account's row, created on first use and, on MariaDB inside the caller's transaction, locked until it commits.</summary>
    private static async Task<AccountLock> HoldAsync(CooperativeDbContext db, string account, CancellationToken ct)
    {
        if (db.Database.IsMySql())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT IGNORE INTO account_locks (`Account`, `FailedAttempts`) VALUES ({0}, 0)", [account], ct);
            return (await db.AccountLocks.FromSqlRaw("SELECT * FROM account_locks WHERE `Account` = {0} FOR UPDATE", account).ToListAsync(ct)).Single();
        }
        await db.Database.ExecuteSqlRawAsync("INSERT OR IGNORE INTO account_locks (Account, FailedAttempts) VALUES ({0}, 0)", [account], ct);
        return await db.AccountLocks.SingleAsync(l => l.Account == account, ct);
    }

    private static string ClientIdOf(HttpContext http, IFormCollection form)
    {
        if (form["client_id"].ToString() is { Length: > 0 } id) return id;
        if (!AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null) return "";
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? Uri.UnescapeDataString(pair[..colon]) : "";
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static AuditRecord Audit(HttpContext http, string account, string action, DateTime now, string after) => new()
    {
        AtUtc = now, Actor = account[(account.IndexOf(':', StringComparison.Ordinal) + 1)..], ActorRole = null,
        EntityType = "AccountLock", EntityId = account, Action = action, After = after, CorrelationId = CorrelationId.Of(http),
    };

    /// <summary>
    /// The sign-in page again with the form's own fields (a person reads it), the password not checked: locked (200),
    /// or rate limited (429 with <c>Retry-After</c>) when <paramref name="wait"/> is given.
    /// </summary>
    private static Task PageAsync(HttpContext http, IFormCollection form, string message, TimeSpan? wait = null)
    {
        if (wait is { } w) http.Response.Headers.RetryAfter = Seconds(w);
        var console = http.RequestServices.GetRequiredService<IOptions<StaffConsole.ConsoleOptions>>().Value;
        var fields = form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v)));
        return SignInPage.WriteAsync(http, fields, form["username"], message,
            wait is null ? StatusCodes.Status200OK : StatusCodes.Status429TooManyRequests,
            AuthorizationEndpoint.FormAction(http.Request, form["redirect_uri"], console));
    }

    private static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>An OAuth 2.0 error (what token clients read) that is also problem details (what everyone else reads).</summary>
    private static async Task LockedAsync(HttpContext http, string account, TimeSpan left)
    {
        var client = account.StartsWith(AccountLock.ClientPrefix, StringComparison.Ordinal);
        var status = client ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = Seconds(left);
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["error"] = client ? OpenIddictConstants.Errors.InvalidClient : OpenIddictConstants.Errors.InvalidGrant,
            ["error_description"] = "The account is locked after repeated wrong credentials; try later or ask an administrator.",
            ["type"] = Problems.TypeFor("account_locked"), ["title"] = "账号因多次密码错误已锁定，请稍后再试或联系管理员解锁",
            ["status"] = status, [Problems.CodeKey] = "account_locked",
        }, JsonSerializerOptions.Web, "application/json", http.RequestAborted);
    }

    private static async Task TooManyAsync(HttpContext http, TimeSpan wait, string detail)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Seconds(wait);
        var (code, title) = Problems.DefaultFor(StatusCodes.Status429TooManyRequests);
        await http.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["type"] = Problems.TypeFor(code), ["title"] = title, ["status"] = StatusCodes.Status429TooManyRequests, ["detail"] = detail,
            [Problems.CodeKey] = code, ["error"] = "slow_down",
        }, JsonSerializerOptions.Web, "application/problem+json", http.RequestAborted);
    }
}

/// <summary>Fixed windows per client address and per account name at the token endpoint (one instance's counts).</summary>
public sealed class TokenRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public TokenRateLimiter(IOptions<SignInOptions> options)
    {
        var limits = options.Value.TokenRateLimits;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = key.StartsWith("address:", StringComparison.Ordinal) ? limits.PerAddress : limits.PerAccount,
                Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0, AutoReplenishment = true,
            }));
    }

    /// <summary>Null when a permit was granted; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
