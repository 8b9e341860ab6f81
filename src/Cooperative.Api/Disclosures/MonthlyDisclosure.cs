using Cooperative.Api.Audit;
using Cooperative.Domain;

namespace Cooperative.Api.Disclosures;

/// <summary>Where a month's disclosure stands: prepared (a draft), reviewed, published (frozen).</summary>
public enum DisclosureStatus { [Label("已编制")] Prepared, [Label("已审核")] Reviewed, [Label("已公示")] Published }

/// <summary>
/// A month's disclosure on its way to the public (公示): prepared from the claims, reviewed by an administrator,
/// then published. Preparing again replaces the draft and undoes the review; once published it stays as it is,
/// and what the public reads is the <see cref="PublishedDisclosure"/> copy, which nothing may change.
/// </summary>
public sealed class MonthlyDisclosure
{
    public required string Month { get; init; }
    public DisclosureStatus Status { get; private set; } = DisclosureStatus.Prepared;
    public string ContentJson { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    /// <summary>The claims behind the inpatient rows, in row order (internal: never served to the public).</summary>
    public string InpatientClaimIds { get; private set; } = "";
    public int InpatientRows { get; private set; }
    public int OutpatientVisits { get; private set; }
    public decimal FundPaid { get; private set; }
    public string PreparedBy { get; private set; } = "";
    public DateTime PreparedUtc { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTime? ReviewedUtc { get; private set; }
    public string? ReviewNote { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTime? PublishedUtc { get; private set; }

    public void Prepare(DisclosureDocument document, string by, DateTime at)
    {
        ContentJson = document.Json;
        ContentHash = document.Hash;
        InpatientClaimIds = document.InpatientClaimIds;
        InpatientRows = document.Content.Inpatients.Count;
        OutpatientVisits = document.Content.Summary.OutpatientVisits;
        FundPaid = document.Content.Summary.FundPaid;
        PreparedBy = by;
        PreparedUtc = at;
        ReviewedBy = null;
        ReviewedUtc = null;
        ReviewNote = null;
        Status = DisclosureStatus.Prepared;
    }

    public void Review(string by, DateTime at, string? note)
    {
        ReviewedBy = by;
        ReviewedUtc = at;
        ReviewNote = note;
        Status = DisclosureStatus.Reviewed;
    }

    public PublishedDisclosure Publish(string by, DateTime at)
    {
        PublishedBy = by;
        PublishedUtc = at;
        Status = DisclosureStatus.Published;
        return new PublishedDisclosure
        {
            Month = Month, ContentJson = ContentJson, ContentHash = ContentHash, InpatientClaimIds = InpatientClaimIds,
            InpatientRows = InpatientRows, FundPaid = FundPaid, PublishedBy = by, PublishedUtc = at,
        };
    }
}

/// <summary>A published month, exactly as the public reads it: written once, never changed (the database refuses it too).</summary>
public sealed class PublishedDisclosure : IImmutable
{
    public required string Month { get; init; }
    public required string ContentJson { get; init; }
    public required string ContentHash { get; init; }
    public required string InpatientClaimIds { get; init; }
    public required int InpatientRows { get; init; }
    public required decimal FundPaid { get; init; }
    public required string PublishedBy { get; init; }
    public required DateTime PublishedUtc { get; init; }
}
