using Cooperative.Api.Auth;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Enrollment;

public sealed record ImportResponse(string FileName, string Sha256, int Rows, int HouseholdsCreated, int HouseholdsUnchanged,
    int PersonsCreated, int PersonsUnchanged);

/// <summary>
/// Bulk import of a township's register (参合花名册导入) from .csv or .xlsx. All or nothing: any bad row and
/// nothing is stored, the answer listing every bad cell (row, column, problem). Rows already stored with the
/// same data are skipped, so importing a file again changes nothing.
/// </summary>
public static class ImportApi
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxErrorsListed = 10_000;
    public const string AuditEntityType = "RegisterImport";

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/enrollment/import", Import).WithTags("Enrollment")
            .RequireAuthorization(Policies.EnrollmentClerks)
            .DisableAntiforgery() // bearer tokens, no cookies: nothing to forge
            .ReleasesMemoryAfterwards()
            .WithSummary("Import a township's register (参合花名册导入)")
            .WithDescription("Uploads a register file (.csv or .xlsx, at most 20 MB) as multipart/form-data in the "
                + "field file. All or nothing: with any bad row nothing is stored and the answer lists "
                + "every bad cell (row, column, problem); rows already stored with the same data are "
                + "skipped, so importing a file again changes nothing.")
            .WithMetadata(new FileUploadMetadata("file"))
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "import_file_missing", "malformed_request")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "import_conflict")
            .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, "payload_too_large")
            .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "import_file_type")
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, "import_file_unreadable",
                "import_header_invalid", "import_file_empty", "import_rows_invalid")
            .WithName("ImportRegister");
        return routes;
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> Import(HttpRequest request, RegisterImport import,
        CancellationToken ct)
    {
        if (request.ContentLength > MaxFileBytes + (64 * 1024)) return TooLarge();
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxFileBytes + (64 * 1024);
        if (!request.HasFormContentType) return FileMissing();
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A multipart body without its boundary, cut short, or a form over the limits: the client's fault.
            return Problems.Of(StatusCodes.Status400BadRequest, "malformed_request", "请求格式错误，无法解析",
                "以 multipart/form-data 上传，字段名为 file");
        }
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null || file.Length == 0) return FileMissing();
        if (file.Length > MaxFileBytes) return TooLarge();
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "import_file_type", "只能导入 .csv 或 .xlsx 文件");

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var outcome = await import.ImportAsync(Path.GetFileName(file.FileName), extension, buffer.ToArray(), ct);
        return outcome.Problem is not null ? Problems.From(outcome.Problem) : TypedResults.Ok(outcome.Response!);
    }

    private static ProblemHttpResult TooLarge() => Problems.Of(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
        "导入文件过大", $"导入文件不能超过 {MaxFileBytes / 1024 / 1024} MB，请按乡镇或村拆分后导入");

    private static ProblemHttpResult FileMissing() => Problems.Of(StatusCodes.Status400BadRequest, "import_file_missing",
        "请上传导入文件", "以 multipart/form-data 上传，字段名为 file");
}
