using Hl7.Fhir.Model;
using Xunit.Sdk;

namespace Cooperative.Api.Tests.Fhir;

/// <summary>The validator the FHIR tests rely on does refuse what R4 refuses.</summary>
public sealed class FhirAssertTests
{
    [Fact]
    public void A_claim_without_its_required_elements_is_not_valid()
    {
        var incomplete = new Claim { Status = FinancialResourceStatusCodes.Active };

        var check = () => FhirAssert.Valid(incomplete);

        check.Should().Throw<XunitException>().WithMessage("*Claim*");
    }

    [Fact]
    public void A_period_ending_before_it_starts_breaks_an_invariant()
    {
        var payment = new PaymentReconciliation
        {
            Status = FinancialResourceStatusCodes.Active, Created = "2026-12-05", PaymentDate = "2026-12-05",
            PaymentAmount = new Money { Value = 1m, Currency = Money.Currencies.CNY },
            Period = new Period(new FhirDateTime(2026, 11, 30), new FhirDateTime(2026, 11, 1)),
        };

        var check = () => FhirAssert.Valid(payment);

        check.Should().Throw<XunitException>().WithMessage("*per-1*");
    }
}
