namespace Cooperative.Domain.Reimbursement;

/// <summary>One line of the itemized fee list (费用清单).</summary>
/// <param name="Code">Item code (项目编码) in the catalogue.</param>
/// <param name="Amount">Amount in yuan, non-negative, whole fen.</param>
/// <param name="Status">Catalogue status of the item.</param>
/// <param name="SelfPayShare">
/// For <see cref="CatalogueStatus.PartlyCovered"/> items, the fraction (0..1) the patient pays first (先行自付比例);
/// ignored otherwise.
/// </param>
public sealed record BillLine(string Code, decimal Amount, CatalogueStatus Status, decimal SelfPayShare);
