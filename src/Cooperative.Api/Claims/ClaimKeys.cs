using Cooperative.Domain.Claims;

namespace Cooperative.Api.Claims;

/// <summary>How a bill is named in the unique key: the facility (code, or "@" and the normal form of a free-text name) and the invoice.</summary>
internal static class ClaimKeys
{
    public static string FacilityKey(string? facilityCode, string facilityName) =>
        facilityCode is { Length: > 0 } code ? code : "@" + BillText.NameKey(facilityName);

    public static string BillKey(string facilityKey, string invoiceNumber) => $"{facilityKey}|{BillText.InvoiceKey(invoiceNumber)}";
}
