using System.Text.Json;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Policy;

public sealed record SubsidyDocument(decimal Central, decimal Province, decimal County);

public sealed record CostBandDocument(decimal? UpperLimit, decimal Ratio);

public sealed record InpatientRuleDocument(FacilityLevel Level, decimal Deductible, IReadOnlyList<CostBandDocument> Bands);

public sealed record OutpatientRuleDocument(FacilityLevel Level, decimal Ratio, decimal CapPerVisit, decimal CapPerYear);

/// <summary>
/// A fund year's policy as the API reads and writes it (request and response body). The special benefit kinds
/// (<see cref="ChronicGroups"/>, <see cref="Delivery"/>) and the other payers (<see cref="Catastrophic"/>,
/// <see cref="Assistance"/>) are optional: a year without them pays as before they existed.
/// </summary>
public sealed record PolicyDocument(
    decimal IndividualContribution,
    SubsidyDocument Subsidy,
    decimal RiskReserveShare,
    int ClaimDeadlineDays,
    decimal InpatientAnnualCap,
    decimal NoReferralReduction,
    IReadOnlyList<InpatientRuleDocument> Inpatient,
    IReadOnlyList<OutpatientRuleDocument> Outpatient,
    IReadOnlyList<ChronicDiseaseGroup>? ChronicGroups = null,
    DeliveryRule? Delivery = null,
    CatastrophicRule? Catastrophic = null,
    AssistanceRules? Assistance = null);

/// <summary>How the special benefit kinds of a version are stored.</summary>
internal sealed record BenefitRulesDocument(IReadOnlyList<ChronicDiseaseGroup>? ChronicGroups, DeliveryRule? Delivery);

/// <summary>How the other payers of a version are stored.</summary>
internal sealed record PayerRulesDocument(CatastrophicRule? Catastrophic, AssistanceRules? Assistance);

public sealed record PolicyVersionResponse(int FundYear, int Version, DateOnly EffectiveFrom, bool Frozen, PolicyDocument Policy);

internal static class PolicyMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static PolicyRules ToRules(this PolicyDocument d) => new(
        d.InpatientAnnualCap,
        d.NoReferralReduction,
        (d.Inpatient ?? []).Select(r => new InpatientRule(r.Level, r.Deductible,
            (r.Bands ?? []).Select(b => new CostBand(b.UpperLimit, b.Ratio)).ToList())).ToList(),
        (d.Outpatient ?? []).Select(r => new OutpatientRule(r.Level, r.Ratio, r.CapPerVisit, r.CapPerYear)).ToList())
    {
        ChronicGroups = d.ChronicGroups ?? [], Delivery = d.Delivery, Catastrophic = d.Catastrophic, Assistance = d.Assistance,
    };

    public static PolicyDocument ToDocument(this FundYearPolicy p)
    {
        var benefits = p.BenefitRulesJson is null ? null : JsonSerializer.Deserialize<BenefitRulesDocument>(p.BenefitRulesJson, Json);
        var payers = p.PayerRulesJson is null ? null : JsonSerializer.Deserialize<PayerRulesDocument>(p.PayerRulesJson, Json);
        return new(
        p.IndividualContribution,
        new SubsidyDocument(p.SubsidyCentral, p.SubsidyProvince, p.SubsidyCounty),
        p.RiskReserveShare,
        p.ClaimDeadlineDays,
        p.InpatientAnnualCap,
        p.NoReferralReduction,
        JsonSerializer.Deserialize<List<InpatientRuleDocument>>(p.InpatientRulesJson, Json)!,
        JsonSerializer.Deserialize<List<OutpatientRuleDocument>>(p.OutpatientRulesJson, Json)!,
        benefits?.ChronicGroups is { Count: > 0 } groups ? groups : null, benefits?.Delivery, payers?.Catastrophic, payers?.Assistance);
    }

    public static void Apply(this FundYearPolicy p, PolicyDocument d, DateTime nowUtc)
    {
        p.IndividualContribution = d.IndividualContribution;
        p.SubsidyCentral = d.Subsidy.Central;
        p.SubsidyProvince = d.Subsidy.Province;
        p.SubsidyCounty = d.Subsidy.County;
        p.RiskReserveShare = d.RiskReserveShare;
        p.ClaimDeadlineDays = d.ClaimDeadlineDays;
        p.InpatientAnnualCap = d.InpatientAnnualCap;
        p.NoReferralReduction = d.NoReferralReduction;
        p.InpatientRulesJson = JsonSerializer.Serialize(d.Inpatient, Json);
        p.OutpatientRulesJson = JsonSerializer.Serialize(d.Outpatient, Json);
        p.BenefitRulesJson = d.ChronicGroups is { Count: > 0 } || d.Delivery is not null
            ? JsonSerializer.Serialize(new BenefitRulesDocument(d.ChronicGroups is { Count: > 0 } ? d.ChronicGroups : null, d.Delivery), Json)
            : null;
        p.PayerRulesJson = d.Catastrophic is not null || d.Assistance is not null
            ? JsonSerializer.Serialize(new PayerRulesDocument(d.Catastrophic, d.Assistance), Json)
            : null;
        p.ChangedUtc = nowUtc;
    }

    public static FundYearPolicy NewVersion(int year, int version, DateOnly effectiveFrom, PolicyDocument d, DateTime nowUtc)
    {
        var p = new FundYearPolicy
        {
            FundYear = year, Version = version, EffectiveFrom = effectiveFrom, IndividualContribution = 0, SubsidyCentral = 0,
            SubsidyProvince = 0, SubsidyCounty = 0, RiskReserveShare = 0, ClaimDeadlineDays = 0, InpatientAnnualCap = 0,
            NoReferralReduction = 0, InpatientRulesJson = "[]", OutpatientRulesJson = "[]", ChangedUtc = nowUtc,
        };
        p.Apply(d, nowUtc);
        return p;
    }

    public static PolicyInForce ToInForce(this FundYearPolicy p)
    {
        var document = p.ToDocument();
        return new PolicyInForce(p.FundYear, p.Version, p.IndividualContribution,
            new SubsidyShares(p.SubsidyCentral, p.SubsidyProvince, p.SubsidyCounty), p.RiskReserveShare, p.ClaimDeadlineDays,
            document.ToRules());
    }

    /// <summary>The county's default policy (see DefaultPolicy in the domain) as a document.</summary>
    public static PolicyDocument DefaultDocument() => new(
        150m, new SubsidyDocument(240m, 100m, 80m), 0.03m, 90,
        DefaultPolicy.Rules.InpatientAnnualCap, DefaultPolicy.Rules.NoReferralReduction,
        DefaultPolicy.Rules.Inpatient.Select(r => new InpatientRuleDocument(r.Level, r.Deductible,
            r.Bands.Select(b => new CostBandDocument(b.UpperLimit, b.Ratio)).ToList())).ToList(),
        DefaultPolicy.Rules.Outpatient.Select(r => new OutpatientRuleDocument(r.Level, r.Ratio, r.CapPerVisit, r.CapPerYear)).ToList());
}
