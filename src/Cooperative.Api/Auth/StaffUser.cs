namespace Cooperative.Api.Auth;

/// <summary>
/// A member of staff who signs in with a password (工作人员账号). Wrong passwords and the lock they lead to are
/// kept in <see cref="AccountLock"/>, the same for staff and facility clients.
/// </summary>
public sealed class StaffUser
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public required string UserName { get; init; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public string PasswordHash { get; private set; } = "";
    public bool IsActive { get; private set; } = true;
    public DateTime CreatedUtc { get; init; }

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void ChangeRole(string role) => Role = role;
}
