using Cooperative.Domain.Claims;
using System.Collections.Concurrent;
using Cooperative.Api.Claims;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.County;

/// <summary>What a run did, counted as it goes (workers add to it at once, so every counter is atomic).</summary>
public sealed class CountyTally
{
    private long _households, _persons, _receipts, _enrolled, _inpatient, _outpatient, _underReview, _billedFen, _reimbursedFen,
        _paid, _paidFen, _facilityPayments, _facilityPaidFen, _monthsClosed, _reserveFen, _certifications, _filings, _referredWithFiling,
        _referredWithoutFiling, _catastrophicClaims, _catastrophicFen, _assistanceClaims, _assistanceFen;

    private readonly long[] _byKind = new long[Enum.GetValues<BenefitKind>().Length];
    private readonly long[] _byCategory = new long[Enum.GetValues<PersonCategory>().Length];

    public ConcurrentDictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);
    public long Households => Interlocked.Read(ref _households);
    public long Persons => Interlocked.Read(ref _persons);
    public long Receipts => Interlocked.Read(ref _receipts);
    public long Enrolled => Interlocked.Read(ref _enrolled);
    public long InpatientClaims => Interlocked.Read(ref _inpatient);
    public long OutpatientClaims => Interlocked.Read(ref _outpatient);
    public long UnderReview => Interlocked.Read(ref _underReview);
    public decimal Billed => Interlocked.Read(ref _billedFen) / 100m;
    public decimal Reimbursed => Interlocked.Read(ref _reimbursedFen) / 100m;
    public long Claims => InpatientClaims + OutpatientClaims;
    public long WindowClaimsPaid => Interlocked.Read(ref _paid);
    public decimal PaidToResidents => Interlocked.Read(ref _paidFen) / 100m;
    public long FacilityPayments => Interlocked.Read(ref _facilityPayments);
    public decimal PaidToFacilities => Interlocked.Read(ref _facilityPaidFen) / 100m;
    public long MonthsClosed => Interlocked.Read(ref _monthsClosed);
    public decimal RiskReserve => Interlocked.Read(ref _reserveFen) / 100m;
    public long Certifications => Interlocked.Read(ref _certifications);
    public long ReferralFilings => Interlocked.Read(ref _filings);
    /// <summary>Claims outside the county said to be referred whose referral matched a filing (paid as referred).</summary>
    public long ReferredWithFiling => Interlocked.Read(ref _referredWithFiling);
    /// <summary>Claims outside the county said to be referred without a matching filing (paid as unreferred).</summary>
    public long ReferredWithoutFiling => Interlocked.Read(ref _referredWithoutFiling);
    public long CatastrophicClaims => Interlocked.Read(ref _catastrophicClaims);
    public decimal CatastrophicPaid => Interlocked.Read(ref _catastrophicFen) / 100m;
    public long AssistanceClaims => Interlocked.Read(ref _assistanceClaims);
    public decimal AssistancePaid => Interlocked.Read(ref _assistanceFen) / 100m;

    /// <summary>Claims by benefit kind, under the kinds' stable codes.</summary>
    public IReadOnlyDictionary<string, long> ClaimsByKind =>
        BenefitKinds.All.ToDictionary(k => k.Code, k => Interlocked.Read(ref _byKind[(int)k.Kind]), StringComparer.Ordinal);

    /// <summary>Persons of the registers imported by special category (none for 一般), under the categories' names.</summary>
    public IReadOnlyDictionary<string, long> PersonsByCategory =>
        Enum.GetValues<PersonCategory>().Where(c => c != PersonCategory.None)
            .ToDictionary(c => c.ToString(), c => Interlocked.Read(ref _byCategory[(int)c]), StringComparer.Ordinal);

    internal void Paid(decimal amount) => CountWithAmount(ref _paid, ref _paidFen, amount);

    internal void FacilityPaid(decimal amount) => CountWithAmount(ref _facilityPayments, ref _facilityPaidFen, amount);

    internal void Closed(decimal riskReserve) => CountWithAmount(ref _monthsClosed, ref _reserveFen, riskReserve);

    internal void Imported(int households, int persons, IEnumerable<PersonCategory> categories)
    {
        Interlocked.Add(ref _households, households);
        Interlocked.Add(ref _persons, persons);
        foreach (var category in categories) Interlocked.Increment(ref _byCategory[(int)category]);
    }

    internal void Certified(int certifications) => Interlocked.Add(ref _certifications, certifications);

    internal void Filed() => Interlocked.Increment(ref _filings);

    internal void Enrolment(int persons)
    {
        Interlocked.Increment(ref _receipts);
        Interlocked.Add(ref _enrolled, persons);
    }

    internal void Claim(ClaimResponse claim)
    {
        if (claim.VisitType == VisitType.Inpatient) Interlocked.Increment(ref _inpatient);
        else Interlocked.Increment(ref _outpatient);
        if (claim.Status == ClaimStatus.UnderReview) Interlocked.Increment(ref _underReview);
        Interlocked.Add(ref _billedFen, Fen(claim.Total));
        Interlocked.Add(ref _reimbursedFen, Fen(claim.FundPays));
        Interlocked.Increment(ref _byKind[(int)claim.Benefit]);
        if (claim.CatastrophicPays > 0) CountWithAmount(ref _catastrophicClaims, ref _catastrophicFen, claim.CatastrophicPays);
        if (claim.AssistancePays > 0) CountWithAmount(ref _assistanceClaims, ref _assistanceFen, claim.AssistancePays);
        if (claim is not { Referred: true, FacilityLevel: FacilityLevel.OutsideCounty }) return;
        if (claim.ReferralFiling is null) Interlocked.Increment(ref _referredWithoutFiling);
        else Interlocked.Increment(ref _referredWithFiling);
    }

    internal void Refused(string code) => Refusals.AddOrUpdate(code, 1, (_, n) => n + 1);

    private static void CountWithAmount(ref long count, ref long fen, decimal amount)
    {
        Interlocked.Increment(ref count);
        Interlocked.Add(ref fen, Fen(amount));
    }

    /// <summary>Amounts are kept in fen (two places, exact) so that workers can add them atomically.</summary>
    private static long Fen(decimal amount) => (long)(amount * 100);
}
