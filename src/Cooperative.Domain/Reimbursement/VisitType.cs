namespace Cooperative.Domain.Reimbursement;

/// <summary>Kind of treatment claimed (就诊类型).</summary>
public enum VisitType
{
    /// <summary>住院 (inpatient admission).</summary>
    [Label("住院")]
    Inpatient,

    /// <summary>门诊 (outpatient visit).</summary>
    [Label("门诊")]
    Outpatient,
}
