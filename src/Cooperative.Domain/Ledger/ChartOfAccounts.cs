using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Ledger;

/// <summary>The kind of an account, which fixes its normal balance side.</summary>
public enum AccountType { [Label("资产")] Asset, [Label("负债")] Liability, [Label("基金")] Fund, [Label("收入")] Income, [Label("支出")] Expense }

/// <summary>An account of the fund's chart (会计科目).</summary>
public sealed record Account(string Code, string Name, AccountType Type)
{
    /// <summary>Assets and expenses grow on the debit side; liabilities, funds and income on the credit side.</summary>
    public bool IsDebitNormal => Type is AccountType.Asset or AccountType.Expense;
}

/// <summary>
/// The chart of accounts of the county's scheme fund (新农合基金会计科目). Codes group by kind: 1xxx assets,
/// 2xxx liabilities, 3xxx funds, 4xxx income, 5xxx expenditure.
/// </summary>
public static class ChartOfAccounts
{
    public const string Bank = "1001";                       // 基金专户存款
    public const string SubsidyReceivableCentral = "1101.01"; // 应收中央财政补助
    public const string SubsidyReceivableProvince = "1101.02";// 应收省级财政补助
    public const string SubsidyReceivableCounty = "1101.03";  // 应收市县财政补助
    public const string ContributionReceivableCivilAffairs = "1102"; // 应收民政代缴参合金
    public const string RefundReceivableResidents = "1103";  // 应收参合人员退回补偿款
    public const string CatastrophicReceivable = "1104";     // 应收大病保险赔付款
    public const string AssistanceReceivable = "1105";       // 应收医疗救助资金
    public const string PayableToFacilities = "2001";        // 应付定点医疗机构款
    public const string PayableToResidents = "2002";         // 应付参合人员补偿款
    public const string AdvanceContributionIndividual = "2101.01";   // 预收参合缴费-个人缴纳
    public const string AdvanceContributionCivilAffairs = "2101.02"; // 预收参合缴费-民政代缴
    public const string AdvanceSubsidyCentral = "2102.01";           // 预收财政补助-中央
    public const string AdvanceSubsidyProvince = "2102.02";          // 预收财政补助-省级
    public const string AdvanceSubsidyCounty = "2102.03";            // 预收财政补助-市县
    public const string PooledFund = "3001";                 // 统筹基金
    public const string RiskReserve = "3002";                // 风险基金
    public const string HouseholdAccounts = "3003";          // 家庭账户基金
    public const string ContributionIncomeIndividual = "4001.01";   // 个人缴费收入
    public const string ContributionIncomeCivilAffairs = "4001.02"; // 民政代缴收入
    public const string SubsidyIncomeCentral = "4101.01";    // 中央财政补助收入
    public const string SubsidyIncomeProvince = "4101.02";   // 省级财政补助收入
    public const string SubsidyIncomeCounty = "4101.03";     // 市县财政补助收入
    public const string InterestIncome = "4201";             // 利息收入
    public const string PenaltyIncome = "4301";              // 违规罚没收入
    public const string RiskReserveAppropriation = "5101";   // 提取风险基金

    public static IReadOnlyList<Account> All { get; } = Build();

    private static readonly Dictionary<string, Account> ByCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);

    public static Account? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>
    /// Money received for a fund year before it begins (预收): each advance account and the income it becomes when
    /// the year begins. Until then it is owed to the year, not earned (新农合基金会计: 预收款项).
    /// </summary>
    public static IReadOnlyList<(string Advance, string Income)> AdvanceIncome { get; } =
    [
        (AdvanceContributionIndividual, ContributionIncomeIndividual),
        (AdvanceContributionCivilAffairs, ContributionIncomeCivilAffairs),
        (AdvanceSubsidyCentral, SubsidyIncomeCentral),
        (AdvanceSubsidyProvince, SubsidyIncomeProvince),
        (AdvanceSubsidyCounty, SubsidyIncomeCounty),
    ];

    /// <summary>
    /// The basic fund's expense of a benefit kind at a facility level: 5001.xx inpatient, 5002.xx general outpatient,
    /// 5003.xx chronic and special diseases, 5004.xx delivery (the kind's parent account, the level's sub-account).
    /// </summary>
    public static string ClaimExpense(BenefitKind kind, FacilityLevel level) => $"{BenefitKinds.Of(kind).ExpenseAccount}.{(int)level + 1:00}";

    /// <summary>What the county advanced for another payer at the window and claims back from it.</summary>
    public static string ReceivableFrom(Payer payer) => payer switch
    {
        Payer.Catastrophic => CatastrophicReceivable,
        Payer.Assistance => AssistanceReceivable,
    };

    private static List<Account> Build()
    {
        var accounts = new List<Account>
        {
            new(Bank, "基金专户存款", AccountType.Asset),
            new(SubsidyReceivableCentral, "应收财政补助-中央", AccountType.Asset),
            new(SubsidyReceivableProvince, "应收财政补助-省级", AccountType.Asset),
            new(SubsidyReceivableCounty, "应收财政补助-市县", AccountType.Asset),
            new(ContributionReceivableCivilAffairs, "应收民政代缴参合金", AccountType.Asset),
            new(RefundReceivableResidents, "应收参合人员退回补偿款", AccountType.Asset),
            new(CatastrophicReceivable, "应收大病保险赔付款", AccountType.Asset),
            new(AssistanceReceivable, "应收医疗救助资金", AccountType.Asset),
            new(PayableToFacilities, "应付定点医疗机构款", AccountType.Liability),
            new(PayableToResidents, "应付参合人员补偿款", AccountType.Liability),
            new(AdvanceContributionIndividual, "预收参合缴费-个人缴纳", AccountType.Liability),
            new(AdvanceContributionCivilAffairs, "预收参合缴费-民政代缴", AccountType.Liability),
            new(AdvanceSubsidyCentral, "预收财政补助-中央", AccountType.Liability),
            new(AdvanceSubsidyProvince, "预收财政补助-省级", AccountType.Liability),
            new(AdvanceSubsidyCounty, "预收财政补助-市县", AccountType.Liability),
            new(PooledFund, "统筹基金", AccountType.Fund),
            new(RiskReserve, "风险基金", AccountType.Fund),
            new(HouseholdAccounts, "家庭账户基金", AccountType.Fund),
            new(ContributionIncomeIndividual, "参合缴费收入-个人缴纳", AccountType.Income),
            new(ContributionIncomeCivilAffairs, "参合缴费收入-民政代缴", AccountType.Income),
            new(SubsidyIncomeCentral, "财政补助收入-中央", AccountType.Income),
            new(SubsidyIncomeProvince, "财政补助收入-省级", AccountType.Income),
            new(SubsidyIncomeCounty, "财政补助收入-市县", AccountType.Income),
            new(InterestIncome, "利息收入", AccountType.Income),
            new(PenaltyIncome, "违规罚没收入", AccountType.Income),
            new(RiskReserveAppropriation, "提取风险基金", AccountType.Expense),
        };
        foreach (var level in Enum.GetValues<FacilityLevel>())
        {
            var name = FacilityLevelNames.Chinese(level);
            foreach (var kind in BenefitKinds.All)
                accounts.Add(new(ClaimExpense(kind.Kind, level), $"{kind.ChineseName}补偿支出-{name}", AccountType.Expense));
        }
        return accounts;
    }
}
