namespace Cooperative.Domain.Reimbursement;

/// <summary>
/// Which kind a bill is paid under: an inpatient stay with a delivery diagnosis is a delivery (when the year has
/// the rule); an outpatient bill whose diagnosis is a listed disease certified for the person is paid under its
/// group; every other bill under its visit's general kind. Says why when a listed disease is not certified.
/// </summary>
internal sealed record BenefitDecision(BenefitKind Kind, ChronicDiseaseGroup? Group, IReadOnlyList<string> Notes)
{
    public static BenefitDecision Decide(CalculationInput input)
    {
        var diagnosis = input.DiagnosisCode?.Trim().ToUpperInvariant();
        var rules = input.Rules;
        switch (input.VisitType)
        {
            case VisitType.Inpatient:
                return rules.Delivery is { } delivery && delivery.DiagnosisCodes.Any(c => IcdCodes.Matches(c, diagnosis))
                    ? new(BenefitKind.Delivery, null, [])
                    : new(BenefitKind.Inpatient, null, []);
            case VisitType.Outpatient:
                var matches = rules.ChronicGroups
                    .SelectMany(g => g.Diseases.Select(d => (Group: g, Disease: d)))
                    .Where(x => IcdCodes.Matches(x.Disease.Code, diagnosis))
                    .OrderByDescending(x => x.Disease.Code.Length)
                    .ToList();
                if (matches.Count == 0) return new(BenefitKind.Outpatient, null, []);
                // The most specific listed disease the person is certified for (a certification of E11 is not one of a
                // separately listed E11.2, which may sit in another group).
                var certified = matches.FirstOrDefault(x => input.CertifiedDiseases.Any(c => IcdCodes.Matches(x.Disease.Code, c)));
                if (certified.Group is not null) return new(BenefitKind.ChronicDisease, certified.Group, []);
                var listed = matches[0];
                return new(BenefitKind.Outpatient, null,
                    [$"诊断 {diagnosis} 属于{BenefitKinds.Chinese(BenefitKind.ChronicDisease)}“{listed.Disease.Name}”，但该人员就诊当日没有有效的病种认定，按普通门诊报销"]);
            default:
                throw new ArgumentException($"Unknown visit type {input.VisitType}.", nameof(input));
        }
    }
}
