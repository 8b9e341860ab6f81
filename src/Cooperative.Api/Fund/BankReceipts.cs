using Cooperative.Domain;
using Cooperative.Domain.Ledger;

namespace Cooperative.Api.Fund;

/// <summary>Money arriving in the fund's bank account against what is owed to it (资金到账).</summary>
public enum ReceiptKind
{
    /// <summary>中央财政补助到账.</summary>
    [Label("中央财政补助")]
    SubsidyCentral,

    /// <summary>省级财政补助到账.</summary>
    [Label("省级财政补助")]
    SubsidyProvince,

    /// <summary>市县财政补助到账.</summary>
    [Label("市县财政补助")]
    SubsidyCounty,

    /// <summary>民政代缴参合金到账.</summary>
    [Label("民政代缴参合金")]
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

    public static string Chinese(ReceiptKind kind) => Vocabulary.Label(kind);
}
