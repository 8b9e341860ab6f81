namespace Cooperative.Domain.Reimbursement;

/// <summary>One problem found in a set of policy rules.</summary>
/// <param name="Field">JSON-style path of the offending field, e.g. <c>inpatient[3].bands[0].ratio</c>.</param>
/// <param name="Message">Description in Simplified Chinese.</param>
public sealed record PolicyProblem(string Field, string Message);
