using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Enrollment;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

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

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/enrollment/import", Import).WithTags("Enrollment")
            .RequireAuthorization(Policies.EnrollmentClerks)
            .DisableAntiforgery(); // bearer tokens, no cookies: nothing to forge
        return routes;
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> Import(HttpRequest request, CooperativeDbContext db,
        ICurrentActor actor, TimeProvider clock, IConfiguration config, CancellationToken ct)
    {
        if (request.ContentLength > MaxFileBytes + (64 * 1024)) return TooLarge();
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxFileBytes + (64 * 1024);
        if (!request.HasFormContentType) return FileMissing();
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null || file.Length == 0) return FileMissing();
        if (file.Length > MaxFileBytes) return TooLarge();
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "import_file_type", "只能导入 .csv 或 .xlsx 文件");

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        RegisterFile register;
        try
        {
            register = extension == ".csv" ? RegisterFileReader.ReadCsv(bytes) : RegisterFileReader.ReadXlsx(new MemoryStream(bytes));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Problems.Unprocessable("import_file_unreadable", "无法读取导入文件", "文件已损坏或不是有效的 Excel 工作簿");
        }

        var missing = RegisterColumns.Missing(register.Header, out var positions);
        if (missing.Count > 0)
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "import_header_invalid", "导入文件缺少必需的列",
                $"缺少列：{string.Join("、", missing)}", new Dictionary<string, object?> { ["missing"] = missing });
        if (register.Rows.Count == 0) return Problems.Unprocessable("import_file_empty", "导入文件没有数据行");

        var today = clock.Today();
        var villages = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Code, v => v.TownshipCode, ct);
        var townships = (await db.Townships.AsNoTracking().Select(t => t.Code).ToListAsync(ct)).ToHashSet();
        var inOrder = positions.Select((p, i) => p == i).All(x => x);
        var check = new RegisterValidator(new RegisterRowParser(villages, townships, today)).Validate(register.Rows.Select(r =>
            new RawRegisterRow(r.RowNumber, inOrder ? r.Cells : positions.Select(p => p < r.Cells.Length ? r.Cells[p] : "").ToArray())).ToList());
        if (!check.IsValid) return RowsInvalid(check.Errors);

        var plan = await new RegisterImporter(db, today, clock.GetUtcNow().UtcDateTime).PlanAsync(check.Rows, ct);
        if (plan.Errors.Count > 0) return RowsInvalid(plan.Errors.OrderBy(e => e.Row).ToList());

        var response = new ImportResponse(Path.GetFileName(file.FileName), sha256, check.Rows.Count, plan.Households.Count,
            plan.HouseholdsUnchanged, plan.Persons.Count, plan.PersonsUnchanged);
        if (!plan.ChangesAnything) return TypedResults.Ok(response);
        try
        {
            await RegisterWriter.WriteAsync(db, plan, AuditOf(response, actor.Current, clock),
                config.GetValue(RegisterWriter.BulkCopySetting, true), ct);
        }
        catch (Exception e) when (e is ImportConflictException or MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry }
                                      or DbUpdateException)
        {
            return Problems.Conflict("import_conflict", "导入时数据已被他人修改", "部分人员或户刚被他人登记，本次未导入任何数据；请重新导入");
        }
        return TypedResults.Ok(response);
    }

    /// <summary>One audit record for the file: who, which file (name and SHA-256) and what it stored.</summary>
    private static AuditRecord AuditOf(ImportResponse response, Actor who, TimeProvider clock) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime, Actor = who.Name, ActorRole = who.Role, CorrelationId = who.CorrelationId,
        EntityType = AuditEntityType, EntityId = response.Sha256, Action = "imported",
        After = JsonSerializer.Serialize(response, AuditJson),
    };

    private static ProblemHttpResult RowsInvalid(IReadOnlyList<ImportError> errors)
    {
        var rows = errors.Select(e => e.Row).Distinct().Count();
        return Problems.Of(StatusCodes.Status422UnprocessableEntity, "import_rows_invalid", "导入文件有错误，未导入任何数据",
            $"共 {rows} 行有错误（{errors.Count} 处），请改正后重新导入", new Dictionary<string, object?>
            {
                ["errorCount"] = errors.Count,
                ["errors"] = errors.Take(MaxErrorsListed).Select(e => new { row = e.Row, column = e.Column, message = e.Message }).ToList(),
            });
    }

    private static ProblemHttpResult TooLarge() => Problems.Of(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
        "导入文件过大", $"导入文件不能超过 {MaxFileBytes / 1024 / 1024} MB，请按乡镇或村拆分后导入");

    private static ProblemHttpResult FileMissing() => Problems.Of(StatusCodes.Status400BadRequest, "import_file_missing",
        "请上传导入文件", "以 multipart/form-data 上传，字段名为 file");
}
