namespace Cooperative.Domain.Reimbursement;

/// <summary>Rejects input the calculator must never see; the API validates before calling.</summary>
internal static class CalculationGuard
{
    public static void Check(CalculationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rules is null || input.Lines is null || input.PriorUse is null)
        {
            throw new ArgumentException("Rules, lines and prior use are required.", nameof(input));
        }

        if (!Enum.IsDefined(input.Level) || !Enum.IsDefined(input.VisitType))
        {
            throw new ArgumentException("Unknown facility level or visit type.", nameof(input));
        }

        var problems = input.Rules.Validate();
        if (problems.Count > 0)
        {
            var text = string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"));
            throw new ArgumentException($"Invalid policy rules: {text}", nameof(input));
        }

        if (input.PriorUse.Amounts.Values.Any(v => v < 0))
        {
            throw new ArgumentException("Prior use cannot be negative.", nameof(input));
        }

        if (input.CertifiedDiseases is null)
        {
            throw new ArgumentException("Certified diseases are required (empty when none).", nameof(input));
        }

        for (var i = 0; i < input.Lines.Count; i++)
        {
            if (LineProblem(input.Lines[i]) is { } problem)
            {
                throw new ArgumentException($"Line {i}: {problem}", nameof(input));
            }
        }
    }

    private static string? LineProblem(BillLine? line) => line switch
    {
        null => "the line is missing.",
        { Amount: < 0 } => $"{line.Code}: amount cannot be negative.",
        _ when !Money.IsWholeFen(line.Amount) => $"{line.Code}: amount has more than two decimals.",
        _ when !Enum.IsDefined(line.Status) => $"{line.Code}: unknown catalogue status.",
        { Status: CatalogueStatus.PartlyCovered, SelfPayShare: < 0m or > 1m } =>
            $"{line.Code}: self-pay share must be within 0..1.",
        _ => null,
    };
}
