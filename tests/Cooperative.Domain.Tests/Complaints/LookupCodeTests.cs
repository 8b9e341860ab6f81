using Cooperative.Domain.Complaints;

namespace Cooperative.Domain.Tests.Complaints;

public class LookupCodeTests
{
    [Fact]
    public void A_code_has_eight_characters_without_look_alikes()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => LookupCode.New()).ToList();

        codes.Should().OnlyContain(c => c.Length == 8 && c.All(ch => "ABCDEFGHJKMNPQRSTUVWXYZ23456789".Contains(ch)));
        codes.Distinct().Should().HaveCountGreaterThan(195, "codes are random");
    }

    [Fact]
    public void A_code_matches_its_hash_whatever_the_case_and_blanks_and_nothing_else_does()
    {
        var code = LookupCode.New();
        var hash = LookupCode.Hash(code);

        hash.Should().HaveLength(64).And.NotContain(code);
        LookupCode.Matches(code, hash).Should().BeTrue();
        LookupCode.Matches($" {code.ToLowerInvariant()} ", hash).Should().BeTrue();
        LookupCode.Matches(code[..7] + (code[7] == 'A' ? 'B' : 'A'), hash).Should().BeFalse();
        LookupCode.Matches(code + "A", hash).Should().BeFalse();
        LookupCode.Matches("", hash).Should().BeFalse();
        LookupCode.Matches(null, hash).Should().BeFalse();
    }
}
