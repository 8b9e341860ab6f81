using Cooperative.Domain.Claims;
using static Cooperative.Domain.Claims.ClaimStatus;

namespace Cooperative.Domain.Tests.Claims;

public class ClaimStatusTransitionsTests
{
    /// <summary>The whole table, written out once more by hand: every pair not listed here must be refused.</summary>
    private static readonly HashSet<(ClaimStatus, ClaimStatus)> Allowed =
    [
        (Submitted, PendingDocuments), (Submitted, Settled), (Submitted, Rejected),
        (PendingDocuments, Settled), (PendingDocuments, Rejected),
        (Settled, UnderReview), (Settled, Approved), (Settled, Rejected), (Settled, Paid), (Settled, Reversed),
        (UnderReview, Approved), (UnderReview, Rejected), (UnderReview, Reversed),
        (Approved, Paid), (Approved, Rejected), (Approved, Reversed),
        (Paid, Rejected), (Paid, Reversed),
        (Rejected, Reversed),
    ];

    public static TheoryData<ClaimStatus, ClaimStatus> EveryPair()
    {
        var data = new TheoryData<ClaimStatus, ClaimStatus>();
        foreach (var from in Enum.GetValues<ClaimStatus>())
        foreach (var to in Enum.GetValues<ClaimStatus>())
            data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_move_is_allowed_exactly_when_the_table_says_so(ClaimStatus from, ClaimStatus to)
    {
        var allowed = Allowed.Contains((from, to));

        ClaimStatusTransitions.IsAllowed(from, to).Should().Be(allowed);
        if (allowed) ClaimStatusTransitions.Problem(from, to).Should().BeNull();
        else ClaimStatusTransitions.Problem(from, to).Should().Contain(from.Chinese()).And.Contain(to.Chinese());
    }

    [Fact]
    public void Nothing_leaves_a_reversed_claim_and_nothing_returns_to_submitted()
    {
        ClaimStatusTransitions.From(Reversed).Should().BeEmpty();
        Enum.GetValues<ClaimStatus>().Should().OnlyContain(s => !ClaimStatusTransitions.IsAllowed(s, Submitted));
    }

    [Fact]
    public void Only_settled_claims_that_stand_hold_money()
    {
        Enum.GetValues<ClaimStatus>().Where(s => s.HoldsSettlement()).Should().BeEquivalentTo([Settled, UnderReview, Approved, Paid]);
        Enum.GetValues<ClaimStatus>().Where(s => !s.Stands()).Should().BeEquivalentTo([Rejected, Reversed]);
    }
}
