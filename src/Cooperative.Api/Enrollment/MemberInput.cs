using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Identity;

namespace Cooperative.Api.Enrollment;

/// <summary>A member as a clerk enters him. Gender and birth date may be left out: the ID number carries them.</summary>
public sealed record MemberRequest(string? IdNumber, string? Name, [property: CodesOf(typeof(Domain.Identity.Gender))] string? Gender, DateOnly? BirthDate,
    [property: CodesOf(typeof(Relationship))] string? Relationship, [property: CodesOf(typeof(PersonCategory))]
    string? Category);

/// <summary>A member after checking: ID number normalized, names parsed.</summary>
public sealed record MemberInput(string IdNumber, string Name, Gender Gender, DateOnly BirthDate, Relationship Relationship,
    PersonCategory Category)
{
    /// <summary>Checks a member, adding field errors under <paramref name="prefix"/> (members[0].idNumber...).</summary>
    public static MemberInput? From(MemberRequest? request, string prefix, Validation validation, DateOnly today)
    {
        if (request is null)
        {
            validation.Add(prefix, "成员信息不能为空");
            return null;
        }
        var ok = true;
        void Fail(string field, string message)
        {
            validation.Add($"{prefix}{field}", message);
            ok = false;
        }
        var id = ResidentIdNumber.Validate(request.IdNumber, today);
        if (!id.IsValid) Fail("idNumber", id.Message!);
        if (RegisterRowParser.NameProblem(request.Name) is { } nameProblem) Fail("name", nameProblem);

        var gender = request.Gender is { Length: > 0 } g ? RegisterRowParser.ParseGender(g) : id.Gender;
        if (gender is null && request.Gender is { Length: > 0 }) Fail("gender", "性别应为“男”或“女”");
        else if (id.IsValid && gender != id.Gender) Fail("gender", "性别与身份证号不符");
        if (id.IsValid && request.BirthDate is { } birth && birth != id.BirthDate)
            Fail("birthDate", "出生日期与身份证号不符");

        if (!Relationships.TryParse(request.Relationship, out var relationship))
            Fail("relationship", "与户主关系应为户主、配偶、子女、儿媳女婿、父母、祖父母、孙子女、兄弟姐妹或其他");
        if (!PersonCategories.TryParse(request.Category, out var category))
            Fail("category", "人员类别应为一般、低保、五保、优抚之一，或留空");

        if (!ok) return null;
        return new MemberInput(id.Normalized!, request.Name!.Trim(), id.Gender!.Value, id.BirthDate!.Value, relationship, category);
    }

    public Person ToPerson(DateTime nowUtc) => new()
    {
        IdNumber = IdNumber, Name = Name, Gender = Gender, BirthDate = BirthDate, Category = Category, RegisteredUtc = nowUtc,
    };
}
