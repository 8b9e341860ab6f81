using Cooperative.Domain.Facilities;
using static Cooperative.Domain.Facilities.FacilityStatus;

namespace Cooperative.Domain.Tests.Facilities;

public class FacilityStatusTransitionsTests
{
    [Theory]
    [InlineData(Applying, Designated)]
    [InlineData(Designated, Warned)]
    [InlineData(Designated, Suspended)]
    [InlineData(Designated, Revoked)]
    [InlineData(Warned, Designated)]
    [InlineData(Warned, Suspended)]
    [InlineData(Warned, Revoked)]
    [InlineData(Suspended, Designated)]
    [InlineData(Suspended, Warned)]
    [InlineData(Suspended, Revoked)]
    [InlineData(Revoked, Applying)]
    public void These_changes_are_allowed(FacilityStatus from, FacilityStatus to)
    {
        FacilityStatusTransitions.IsAllowed(from, to).Should().BeTrue();
        FacilityStatusTransitions.Problem(from, to).Should().BeNull();
    }

    [Theory]
    [InlineData(Applying, Warned)]
    [InlineData(Applying, Suspended)]
    [InlineData(Applying, Revoked)]
    [InlineData(Revoked, Designated)]
    [InlineData(Revoked, Suspended)]
    [InlineData(Designated, Applying)]
    [InlineData(Designated, Designated)]
    public void These_changes_are_refused_with_a_chinese_reason(FacilityStatus from, FacilityStatus to)
    {
        FacilityStatusTransitions.IsAllowed(from, to).Should().BeFalse();
        FacilityStatusTransitions.Problem(from, to).Should().Contain(FacilityNames.Chinese(from)).And.Contain(FacilityNames.Chinese(to));
    }

    [Fact]
    public void Every_status_has_somewhere_to_go_so_none_is_a_dead_end()
    {
        foreach (var from in Enum.GetValues<FacilityStatus>())
            Enum.GetValues<FacilityStatus>().Should().Contain(to => FacilityStatusTransitions.IsAllowed(from, to));
    }

    [Theory]
    [InlineData(Applying, false)]
    [InlineData(Designated, true)]
    [InlineData(Warned, true)]
    [InlineData(Suspended, true)]
    [InlineData(Revoked, false)]
    public void Designated_warned_and_suspended_facilities_hold_a_designation(FacilityStatus status, bool holds) =>
        status.HoldsDesignation().Should().Be(holds);
}
