namespace Cooperative.Api.Audit;

/// <summary>
/// Marks rows that are written once and never changed or deleted (posted journal entries and their lines).
/// The audit interceptor refuses any update or delete of them; the database refuses them too (triggers).
/// </summary>
public interface IImmutable;

/// <summary>
/// Rows written as parts of a parent (a claim's bill lines and status steps, a journal entry's lines): the rows
/// of one parent added in one save are audited together, as one record whose values are the list of rows, named
/// by the parent's key. Every row is still in the trail; a 20-line bill costs one record, not twenty.
/// </summary>
public interface IAuditedWithParent
{
    Guid AuditParent { get; }
}
