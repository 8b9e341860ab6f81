using Cooperative.Domain.Ledger;

namespace Cooperative.Api.Fund;

/// <summary>Money arriving in the fund's bank account against what is owed to it (资金到账).</summary>
public enum ReceiptKind
{
    /// <summary>中央财政补助到账.</summary>
    SubsidyCentral,

    /// <summary>省级财政补助到账.</summary>
    SubsidyProvince,

    /// <summary>市县财政补助到账.</summary>
    SubsidyCounty,

    /// <summary>民政代缴参合金到账.</summary>
    CivilAffairs,
}

public static class BankReceipts
{
    public const string SourceType = "bank-receipt";

    public static string Receivable(ReceiptKind kind) => kind switch
    {
        ReceiptKind.SubsidyCentral => ChartOfAccounts.SubsidyReceivableCentral,
        ReceiptKind.SubsidyProvince => ChartOfAccounts.SubsidyReceivableProvince,
        ReceiptKind.SubsidyCounty => ChartOfAccounts.SubsidyReceivableCounty,
        ReceiptKind.CivilAffairs => ChartOfAccounts.ContributionReceivableCivilAffairs,
    };

    public static string Chinese(ReceiptKind kind) => kind switch
    {
        ReceiptKind.SubsidyCentral => "中央财政补助",
        ReceiptKind.SubsidyProvince => "省级财政补助",
        ReceiptKind.SubsidyCounty => "市县财政补助",
        ReceiptKind.CivilAffairs => "民政代缴参合金",
    };
}
