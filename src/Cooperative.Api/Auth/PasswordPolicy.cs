namespace Cooperative.Api.Auth;

/// <summary>What a staff password must be. Demo passwords (they all start with "demo") are refused here.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    public static string? Problem(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength) return $"密码至少需要{MinLength}个字符";
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit)) return "密码必须同时包含字母和数字";
        if (password.StartsWith("demo", StringComparison.OrdinalIgnoreCase)) return "不能使用演示账号的密码";
        return null;
    }
}
