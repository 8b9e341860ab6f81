using Cooperative.Api.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cooperative.Api.Fhir;

/// <summary>
/// Every error under /fhir is an OperationOutcome: the problem details the rest of the API would answer, with the same
/// stable code in <c>issue.details.coding.code</c>, the Chinese title in <c>details.text</c> and the detail in
/// <c>diagnostics</c>.
/// </summary>
internal static class FhirOutcomes
{
    public static FhirResult Error(int status, string code, string title, string? detail = null) =>
        From(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { [Problems.CodeKey] = code } });

    /// <summary>A refusal of the API's own services, as an OperationOutcome.</summary>
    public static FhirResult From(ProblemHttpResult problem) => From(problem.ProblemDetails);

    /// <summary>Field errors: one issue per message, at the FHIR element the field came from.</summary>
    public static FhirResult From(ValidationProblem problem, Func<string, string?>? pathOf = null)
    {
        var details = problem.ProblemDetails;
        var code = details.Extensions.TryGetValue(Problems.CodeKey, out var c) ? c?.ToString() : Validation.FailedCode;
        var outcome = new OperationOutcome();
        foreach (var (field, messages) in details.Errors)
            foreach (var message in messages)
            {
                var issue = Issue(StatusCodes.Status400BadRequest, code!, details.Title ?? "请求数据有误", message);
                if (pathOf?.Invoke(field) is { } path) issue.Expression = [path];
                else issue.Diagnostics = $"{field}: {message}";
                outcome.Issue.Add(issue);
            }
        return new FhirResult(outcome, StatusCodes.Status400BadRequest);
    }

    public static FhirResult From(ProblemDetails problem)
    {
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        var (defaultCode, defaultTitle) = Problems.DefaultFor(status);
        var code = problem.Extensions.TryGetValue(Problems.CodeKey, out var c) && c is not null ? c.ToString()! : defaultCode;
        var outcome = new OperationOutcome { Issue = [Issue(status, code, problem.Title ?? defaultTitle, problem.Detail)] };
        return new FhirResult(outcome, status);
    }

    private static OperationOutcome.IssueComponent Issue(int status, string code, string title, string? diagnostics) => new()
    {
        Severity = status >= 500 ? OperationOutcome.IssueSeverity.Fatal : OperationOutcome.IssueSeverity.Error,
        Code = status switch
        {
            400 => OperationOutcome.IssueType.Invalid,
            401 => OperationOutcome.IssueType.Login,
            403 => OperationOutcome.IssueType.Forbidden,
            404 => OperationOutcome.IssueType.NotFound,
            409 => OperationOutcome.IssueType.Conflict,
            413 => OperationOutcome.IssueType.TooLong,
            422 => OperationOutcome.IssueType.BusinessRule,
            429 => OperationOutcome.IssueType.Throttled,
            503 => OperationOutcome.IssueType.Transient,
            >= 500 => OperationOutcome.IssueType.Exception,
            _ => OperationOutcome.IssueType.Processing,
        },
        Details = new CodeableConcept(FhirSystems.Error, code, title) { Text = title },
        Diagnostics = diagnostics,
    };
}

/// <summary>
/// The errors the framework answers itself under /fhir (401, 403, unknown routes, unreadable bodies, failures) leave as
/// OperationOutcome: this writer comes before the problem details writer for those paths.
/// </summary>
internal sealed class FhirProblemWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => FhirSetup.IsFhir(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        await FhirOutcomes.From(problem).ExecuteAsync(context.HttpContext);
    }
}
