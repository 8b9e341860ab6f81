namespace Cooperative.Api.Auth;

/// <summary>A member of staff who signs in with a password (工作人员账号).</summary>
public sealed class StaffUser
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string UserName { get; init; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public string PasswordHash { get; private set; } = "";
    public bool IsActive { get; private set; } = true;
    public int FailedSignIns { get; private set; }
    public DateTime? LockedUntilUtc { get; private set; }
    public DateTime CreatedUtc { get; init; }

    public bool IsLockedOut(DateTime nowUtc) => LockedUntilUtc is { } until && until > nowUtc;

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    /// <summary>Counts a wrong password; the fifth in a row locks the account for a while.</summary>
    public void RecordFailedSignIn(DateTime nowUtc)
    {
        FailedSignIns++;
        if (FailedSignIns >= MaxFailedSignIns)
        {
            LockedUntilUtc = nowUtc + LockoutDuration;
            FailedSignIns = 0;
        }
    }

    public void RecordSuccessfulSignIn()
    {
        FailedSignIns = 0;
        LockedUntilUtc = null;
    }

    public void Unlock() => RecordSuccessfulSignIn();

    public void Deactivate() => IsActive = false;
}
