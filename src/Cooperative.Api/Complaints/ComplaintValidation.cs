using Cooperative.Api.Facilities;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain;
using Cooperative.Domain.Complaints;

namespace Cooperative.Api.Complaints;

/// <summary>Checks of what the public and staff type in: lengths, categories, a phone that looks like one, plain text.</summary>
internal static class ComplaintValidation
{
    public static Validation Validate(FileComplaintRequest request, out ComplaintCategory category)
    {
        var v = new Validation();
        category = default;
        if (string.IsNullOrWhiteSpace(request.Category)) v.Add("category", "类别不能为空");
        else if (!Vocabulary.TryParse(request.Category, out category))
            v.Add("category", $"类别必须是 {Vocabulary.Codes<ComplaintCategory>()} 之一");
        Text(v, request.Content, "content", "内容", ComplaintLimits.Content, required: true);
        v.Optional(request.Subject, "subject", "涉及对象", ComplaintLimits.Subject);
        // A category that does not parse leaves the default (a complaint): contacts are then asked for too.
        var complaint = category.IsComplaint();
        if (complaint) v.Required(request.ContactName, "contactName", "联系人姓名", ComplaintLimits.ContactName);
        else v.Optional(request.ContactName, "contactName", "联系人姓名", ComplaintLimits.ContactName);
        if (complaint && string.IsNullOrWhiteSpace(request.ContactPhone)) v.Add("contactPhone", "联系电话不能为空");
        else if (!string.IsNullOrWhiteSpace(request.ContactPhone) && !IsPhone(request.ContactPhone.Trim()))
            v.Add("contactPhone", "联系电话格式不正确，请填写手机号码或带区号的固定电话");
        return v;
    }

    /// <summary>A required or optional field of free text: line breaks and tabs allowed, no other control character.</summary>
    public static Validation Text(Validation v, string? value, string field, string label, int maxLength, bool required) =>
        required ? v.Required(value, field, label, maxLength, TextKind.MultiLine) : v.Optional(value, field, label, maxLength, TextKind.MultiLine);

    /// <summary>Trims, keeps line breaks as \n; null for blank.</summary>
    public static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>A mobile (11 digits from 1) or a landline with or without area code, with optional +86, dashes, blanks.</summary>
    private static bool IsPhone(string phone)
    {
        if (phone.Length > ComplaintLimits.ContactPhone || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '+')) return false;
        if (phone.IndexOf('+', StringComparison.Ordinal) > 0) return false;
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 15;
    }
}
