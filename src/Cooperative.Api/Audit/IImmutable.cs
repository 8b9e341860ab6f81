namespace Cooperative.Api.Audit;

/// <summary>
/// Marks rows that are written once and never changed or deleted (posted journal entries and their lines).
/// The audit interceptor refuses any update or delete of them; the database refuses them too (triggers).
/// </summary>
public interface IImmutable;
