namespace Cooperative.Domain.Reimbursement;

/// <summary>What the fund already paid the person this fund year (本年度已补偿), by visit type.</summary>
/// <param name="InpatientPaidThisYear">Inpatient reimbursements so far this year, in yuan.</param>
/// <param name="OutpatientPaidThisYear">Outpatient reimbursements so far this year, in yuan.</param>
public sealed record PriorUse(decimal InpatientPaidThisYear, decimal OutpatientPaidThisYear)
{
    /// <summary>No earlier reimbursement this year.</summary>
    public static PriorUse None { get; } = new(0m, 0m);
}
