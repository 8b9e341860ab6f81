namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// What one payer after the basic fund pays of a claim, step by step. The amount is rounded once; the steps shown
/// are rounded for display and reconcile: BeforeCap − CapCut = Amount.
/// </summary>
/// <param name="Name">The payer's Chinese name and who runs it (大病保险（某保险公司）).</param>
/// <param name="Base">What the payer's rule applies to in this claim: for catastrophic insurance the eligible cost the basic
/// fund left to the resident; for assistance what still remains of the eligible cost after the payers before it.</param>
/// <param name="AccumulatedBefore">Catastrophic only: the year's eligible out-of-pocket cost counted before this claim.</param>
/// <param name="Threshold">Catastrophic only: the threshold on the accumulated cost (起付线).</param>
/// <param name="Bands">The bands (catastrophic) or the single ratio (assistance) applied.</param>
/// <param name="Category">Assistance only: the person's assisted category.</param>
public sealed record PayerShare(
    Payer Payer,
    string Name,
    decimal Base,
    decimal AccumulatedBefore,
    decimal Threshold,
    IReadOnlyList<BandShare> Bands,
    string? Category,
    decimal BeforeCap,
    decimal AnnualCap,
    decimal CapRemainingBefore,
    decimal CapCut,
    decimal Amount,
    decimal CapRemainingAfter);
