namespace Cooperative.Domain.Ledger;

/// <summary>
/// One line of a journal entry: an amount on one side of one account, optionally for one facility (the
/// sub-ledger of what the fund owes each facility).
/// </summary>
public sealed record JournalLineDraft(string AccountCode, decimal Debit, decimal Credit, string? FacilityCode = null)
{
    public static JournalLineDraft Dr(string account, decimal amount, string? facility = null) => new(account, amount, 0m, facility);

    public static JournalLineDraft Cr(string account, decimal amount, string? facility = null) => new(account, 0m, amount, facility);
}

/// <summary>
/// A journal entry before it is posted (记账凭证): its date, what it is for, where it comes from (receipt,
/// claim, settlement, penalty...) and its lines.
/// </summary>
public sealed record JournalDraft(
    DateOnly Date,
    string Description,
    string SourceType,
    string SourceId,
    IReadOnlyList<JournalLineDraft> Lines)
{
    /// <summary>The closed period (yyyy-MM) a late correction is about; it is posted in the open period.</summary>
    public string? CorrectsPeriod { get; init; }

    /// <summary>
    /// Why this draft cannot be posted, or null. Two or more lines, every line one positive amount on one
    /// side in whole fen, a known account, and debits equal to credits.
    /// </summary>
    /// <summary>The largest amount of one line (a county fund's year is far below it; the columns hold 18 digits).</summary>
    public const decimal MaxLineAmount = 1_000_000_000_000m;

    public const int MaxLines = 1000;

    public string? Problem()
    {
        if (Lines.Count < 2) return "记账凭证至少需要两行分录";
        if (Lines.Count > MaxLines) return $"记账凭证不能超过 {MaxLines} 行分录";
        if (string.IsNullOrWhiteSpace(Description)) return "记账凭证必须有摘要";
        foreach (var line in Lines)
        {
            if (line?.AccountCode is null) return "每行分录必须写明会计科目";
            if (ChartOfAccounts.Find(line.AccountCode) is null) return $"未知的会计科目 {line.AccountCode}";
            if (line.Debit < 0 || line.Credit < 0) return "分录金额不能为负";
            if (line.Debit > MaxLineAmount || line.Credit > MaxLineAmount) return $"分录金额不能超过 {MaxLineAmount:0}";
            if ((line.Debit == 0) == (line.Credit == 0)) return "每行分录必须且只能在借方或贷方记一个金额";
            if (!Money.IsWholeFen(line.Debit) || !Money.IsWholeFen(line.Credit)) return "分录金额必须精确到分";
        }
        var debits = Lines.Sum(l => l.Debit);
        var credits = Lines.Sum(l => l.Credit);
        return debits == credits ? null : $"借贷不平衡：借方 {debits:0.00}，贷方 {credits:0.00}";
    }
}
