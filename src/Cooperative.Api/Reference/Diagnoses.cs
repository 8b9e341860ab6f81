using Cooperative.Api.Geography;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Reference;

/// <summary>A diagnosis of the ICD-10 list the window picks from (疾病诊断).</summary>
public sealed record DiagnosisResponse(string Code, string Name);

/// <summary>
/// The ICD-10 codes the county's clerks pick diagnoses from, with their Chinese names, from its <c>diagnoses.csv</c>:
/// the common diagnoses of rural inpatient and outpatient care and every code the policy names. It helps a clerk find a
/// code by name; a claim still accepts any well-formed ICD-10 code, listed here or not. A county with the full national
/// table (GB/T 14396) replaces the file.
/// </summary>
public static class Diagnoses
{
    public static RouteGroupBuilder MapDiagnoses(this RouteGroupBuilder group)
    {
        group.MapGet("/diagnoses", Find)
            .WithName("FindDiagnoses")
            .WithSummary("Find diagnoses by code or name (疾病诊断 ICD-10)")
            .WithDescription("At most `limit` (default 20, at most 100) diagnoses whose ICD-10 code starts with `q` (any case) "
                + "or whose Chinese name contains it, codes first; without `q`, the first of the list. Anonymous.");
        return group;
    }

    private static Ok<IReadOnlyList<DiagnosisResponse>> Find(string? q, int? limit, SeedFiles seed)
    {
        var take = Math.Clamp(limit ?? 20, 1, 100);
        var text = q?.Trim() ?? "";
        var all = seed.Read("diagnoses.csv").Select(r => new DiagnosisResponse(r["code"], r["name"])).ToList();
        IEnumerable<DiagnosisResponse> found = text.Length == 0 ? all
            : all.Where(d => d.Code.StartsWith(text, StringComparison.OrdinalIgnoreCase))
                .Concat(all.Where(d => !d.Code.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                                       && d.Name.Contains(text, StringComparison.Ordinal)));
        return TypedResults.Ok<IReadOnlyList<DiagnosisResponse>>(found.Take(take).ToList());
    }
}
