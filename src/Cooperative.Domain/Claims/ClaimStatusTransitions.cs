namespace Cooperative.Domain.Claims;

/// <summary>
/// Which status may follow which (报销单状态流转). A claim is settled once, reviewed while settled, paid once,
/// and ends rejected or reversed; a rejection of a settled claim is followed by its reversal. Nothing leaves
/// Reversed, and a rejected claim that held no money stays rejected.
/// </summary>
public static class ClaimStatusTransitions
{
    private static readonly Dictionary<ClaimStatus, ClaimStatus[]> Allowed = new()
    {
        [ClaimStatus.Submitted] = [ClaimStatus.PendingDocuments, ClaimStatus.Settled, ClaimStatus.Rejected],
        [ClaimStatus.PendingDocuments] = [ClaimStatus.Settled, ClaimStatus.Rejected],
        [ClaimStatus.Settled] = [ClaimStatus.UnderReview, ClaimStatus.Approved, ClaimStatus.Rejected, ClaimStatus.Paid, ClaimStatus.Reversed],
        [ClaimStatus.UnderReview] = [ClaimStatus.Approved, ClaimStatus.Rejected, ClaimStatus.Reversed],
        [ClaimStatus.Approved] = [ClaimStatus.Paid, ClaimStatus.Rejected, ClaimStatus.Reversed],
        [ClaimStatus.Paid] = [ClaimStatus.Rejected, ClaimStatus.Reversed],
        [ClaimStatus.Rejected] = [ClaimStatus.Reversed],
        [ClaimStatus.Reversed] = [],
    };

    public static bool IsAllowed(ClaimStatus from, ClaimStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<ClaimStatus> From(ClaimStatus status) => Allowed[status];

    /// <summary>Settled and not undone: the claim's money is in the books and in the person's usage.</summary>
    public static bool HoldsSettlement(this ClaimStatus status) =>
        status is ClaimStatus.Settled or ClaimStatus.UnderReview or ClaimStatus.Approved or ClaimStatus.Paid;

    /// <summary>Neither rejected nor reversed: the claim still stands for its bill.</summary>
    public static bool Stands(this ClaimStatus status) => status is not (ClaimStatus.Rejected or ClaimStatus.Reversed);

    public static string Chinese(this ClaimStatus s) => Vocabulary.Label(s);

    /// <summary>Why the move is refused, in Chinese, or null when it is allowed.</summary>
    public static string? Problem(ClaimStatus from, ClaimStatus to) => IsAllowed(from, to)
        ? null
        : $"报销单状态不能从“{from.Chinese()}”变为“{to.Chinese()}”";
}
