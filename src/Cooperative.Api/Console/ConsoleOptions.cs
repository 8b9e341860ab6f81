// Not Cooperative.Api.Console: that namespace would hide System.Console from every file under Cooperative.Api.
namespace Cooperative.Api.StaffConsole;

/// <summary>
/// The staff console (工作人员控制台, <c>/console/</c>): the browser client that signs staff in by authorization code
/// with PKCE (<c>Console:*</c>).
/// </summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The console's public client: registered here (embedded token server) or at the authority.</summary>
    public string ClientId { get; set; } = "cooperative-console";

    /// <summary>
    /// Redirect URIs accepted besides the console at this server's own address
    /// (<c>{scheme}://{host}{PathBase}/console/</c> of the request itself), such as a console served from another
    /// origin. Exact strings.
    /// </summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>The scopes the console asks for.</summary>
    public string Scope { get; set; } = "openid api roles offline_access";

    /// <summary>
    /// The system's name on the sign-in page (its title reads "{name} - 登录"); default <c>{County:Name}新农合管理系统</c>.
    /// </summary>
    public string SystemName { get; set; } = "";
}
