using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Facilities;

/// <summary>A facility applying to be designated (定点申请), registered by an administrator.</summary>
public sealed record CreateFacilityRequest(string? Code, string? Name, [property: CodesOf(typeof(FacilityLevel))] string? Level,
    [property: CodesOf(typeof(FacilityOwnership))] string? Ownership, string? TownshipCode,
    string? VillageCode, string? LicenceNumber, string? BankName, string? BankAccount, string? HeadName, string? Phone);

/// <summary>What may change in a facility's record (level and place may not: they would make another facility).</summary>
public sealed record UpdateFacilityRequest(string? Name, [property: CodesOf(typeof(FacilityOwnership))] string? Ownership, string? LicenceNumber, string? BankName,
    string? BankAccount, string? HeadName, string? Phone);

/// <summary>An administrator's change of status: suspend, reinstate (designated), revoke, or apply again after revocation.</summary>
public sealed record ChangeStatusRequest([property: CodesOf(typeof(FacilityStatus))] string? Status, string? Reason);

internal static class FacilityValidation
{
    public static Validation Validate(CreateFacilityRequest r, out FacilityLevel level, out FacilityOwnership ownership)
    {
        var v = Details(r.Name, r.LicenceNumber, r.BankName, r.BankAccount, r.HeadName, r.Phone)
            .Required(r.Code, "code", "机构编码", 16)
            .Required(r.TownshipCode, "townshipCode", "乡镇", 12)
            .Optional(r.VillageCode, "villageCode", "村", 20);
        if (r.Code is { Length: > 0 } code && !(code.Length == 5 && char.IsAsciiLetterUpper(code[0]) && code[1..].All(char.IsAsciiDigit)))
            v.Add("code", "机构编码应为1位大写字母加4位数字，如 P0005");
        if (!Vocabulary.TryParse(r.Level, out level) || level == FacilityLevel.OutsideCounty)
            v.Add("level", "级别必须是 village、township、community 或 county 之一");
        if (!Vocabulary.TryParse(r.Ownership, out ownership))
            v.Add("ownership", $"所有制必须是 {Vocabulary.Codes<FacilityOwnership>()} 之一");
        if (level == FacilityLevel.Village && string.IsNullOrWhiteSpace(r.VillageCode))
            v.Add("villageCode", "村卫生室必须填写所在村");
        return v;
    }

    public static Validation Validate(UpdateFacilityRequest r, out FacilityOwnership ownership)
    {
        var v = Details(r.Name, r.LicenceNumber, r.BankName, r.BankAccount, r.HeadName, r.Phone);
        if (!Vocabulary.TryParse(r.Ownership, out ownership))
            v.Add("ownership", $"所有制必须是 {Vocabulary.Codes<FacilityOwnership>()} 之一");
        return v;
    }

    private static Validation Details(string? name, string? licence, string? bankName, string? bankAccount, string? head, string? phone)
    {
        var v = new Validation()
            .Required(name, "name", "机构名称", 64)
            .Required(bankName, "bankName", "开户银行", 64)
            .Required(head, "headName", "负责人", 32)
            .Check(LicenceNumber.IsWellFormed(licence), "licenceNumber", LicenceNumber.FormatDescription)
            .Check(bankAccount is { Length: >= 10 and <= 32 } && bankAccount.All(char.IsAsciiDigit), "bankAccount", "银行账号应为10至32位数字")
            .Check(phone is { Length: >= 7 and <= 20 } && phone.All(c => char.IsAsciiDigit(c) || c == '-'), "phone", "联系电话应为7至20位数字或连字符");
        return v;
    }
}
