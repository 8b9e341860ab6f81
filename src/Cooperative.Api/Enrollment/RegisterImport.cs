using Cooperative.Domain;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cooperative.Api.Audit;
using Cooperative.Api.Data;
using Cooperative.Api.Infrastructure;
using Cooperative.Domain.Enrollment;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cooperative.Api.Enrollment;

/// <summary>What an import stored, or why nothing was stored.</summary>
internal sealed record ImportOutcome(ImportResponse? Response, Refusal? Problem);

/// <summary>
/// Imports a register file's bytes (.csv or .xlsx): reads, checks every row, plans against what is stored and
/// writes all or nothing, with one audit record for the file. The import endpoint and the synthetic county both
/// come through here.
/// </summary>
internal sealed partial class RegisterImport(CooperativeDbContext db, ICurrentActor actor, TimeProvider clock, IConfiguration config,
    ILogger<RegisterImport> logger)
{
    private static readonly int IdNumberCell = IndexOf(RegisterColumns.IdNumber);
    private static readonly int CardNumberCell = IndexOf(RegisterColumns.CardNumber);

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task<ImportOutcome> ImportAsync(string fileName, string extension, byte[] bytes, CancellationToken ct)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var phases = new ImportPhases();
        RegisterFile register;
        try
        {
            register = extension == ".csv" ? RegisterFileReader.ReadCsv(bytes) : RegisterFileReader.ReadXlsx(new MemoryStream(bytes));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Refused(Refusal.Unprocessable("import_file_unreadable", "无法读取导入文件", "文件已损坏或不是有效的 Excel 工作簿"));
        }

        var missing = RegisterColumns.Missing(register.Header, out var positions);
        if (missing.Count > 0)
            return Refused(Refusal.Unprocessable("import_header_invalid", "导入文件缺少必需的列",
                $"缺少列：{string.Join("、", missing)}", new Dictionary<string, object?> { ["missing"] = missing }));
        if (register.Rows.Count == 0) return Refused(Refusal.Unprocessable("import_file_empty", "导入文件没有数据行"));
        phases.Read = phases.Lap();

        var today = clock.Today();
        var villages = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Code, v => v.TownshipCode, ct);
        var townships = (await db.Townships.AsNoTracking().Select(t => t.Code).ToListAsync(ct)).ToHashSet();
        var inOrder = positions.Select((p, i) => p == i).All(x => x);
        var rawRows = register.Rows.Select(r => new RawRegisterRow(r.RowNumber,
            inOrder ? r.Cells : positions.Select(p => p < r.Cells.Length ? r.Cells[p] : "").ToArray())).ToList();

        var (check, stored) = await CheckWhileLookingUpAsync(rawRows, new RegisterValidator(new RegisterRowParser(villages, townships, today)), ct);
        if (stored is null) return Refused(RowsInvalid(check.Errors));
        phases.Checked = phases.Lap();

        var plan = new RegisterImporter(today, clock.GetUtcNow().UtcDateTime).Plan(check.Rows, stored);
        if (plan.Errors.Count > 0) return Refused(RowsInvalid(plan.Errors.OrderBy(e => e.Row).ToList()));
        phases.Planned = phases.Lap();

        var response = new ImportResponse(fileName, sha256, check.Rows.Count, plan.Households.Count,
            plan.HouseholdsUnchanged, plan.Persons.Count, plan.PersonsUnchanged);
        if (!plan.ChangesAnything) return new ImportOutcome(response, null);
        try
        {
            await RegisterWriter.WriteAsync(db, plan, AuditOf(response, actor.Current, clock),
                config.GetValue(RegisterWriter.BulkCopySetting, true), ct);
        }
        catch (Exception e) when (e is ImportConflictException or DbUpdateException || DatabaseErrors.IsUniqueViolation(e))
        {
            return Refused(Refusal.Conflict("import_conflict", "导入时数据已被他人修改", "部分人员或户刚被他人登记，本次未导入任何数据；请重新导入"));
        }
        catch (RegisterTooLargeException e)
        {
            return Refused(Refusal.Unprocessable("import_exceeds_cluster_limit", "登记册过大，超出数据库集群单次写入的行数上限",
                $"本文件需在一个事务中写入 {e.Rows} 行，数据库集群的上限（wsrep_max_ws_rows）为 {e.Limit} 行；本次未导入任何数据。" +
                "请按村拆分登记册分批导入，或请数据库管理员调高该上限",
                new Dictionary<string, object?> { ["rows"] = e.Rows, ["limit"] = e.Limit }));
        }
        phases.Written = phases.Lap();
        Stored(logger, fileName, sha256, plan.Persons.Count, plan.Households.Count, phases.Total, phases.Read, phases.Checked,
            phases.Planned, phases.Written);
        return new ImportOutcome(response, null);
    }

    /// <summary>
    /// Checks the rows while the database is asked what it holds of their persons and households. The stored state
    /// comes back only with rows that passed; on every other way out (bad rows, a failure, cancellation) the lookup is
    /// cancelled and awaited, so that nothing is left running on the request's context.
    /// </summary>
    private async Task<(RegisterCheck Check, StoredState? Stored)> CheckWhileLookingUpAsync(List<RawRegisterRow> rows,
        RegisterValidator validator, CancellationToken ct)
    {
        using var lookup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stored = StoredState.LoadAsync(db, rows.Select(r => CellOf(r, IdNumberCell)), rows.Select(r => CellOf(r, CardNumberCell)),
            lookup.Token);
        RegisterCheck? check = null;
        try
        {
            check = await Task.Run(() => validator.Validate(rows), ct);
            return (check, check.IsValid ? await stored : null);
        }
        finally
        {
            if (check is not { IsValid: true })
            {
                await lookup.CancelAsync();
                try
                {
                    await stored;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Not needed: the rows were refused, or the check itself failed and that is what the caller hears.
                }
            }
        }
    }

    /// <summary>One audit record for the file: who, which file (name and SHA-256) and what it stored.</summary>
    private static AuditRecord AuditOf(ImportResponse response, Actor who, TimeProvider clock) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime, Actor = who.Name, ActorRole = who.Role, CorrelationId = who.CorrelationId,
        EntityType = ImportApi.AuditEntityType, EntityId = response.Sha256, Action = "imported",
        After = JsonSerializer.Serialize(response, AuditJson),
    };

    private static Refusal RowsInvalid(IReadOnlyList<ImportError> errors)
    {
        var rows = errors.Select(e => e.Row).Distinct().Count();
        return Refusal.Unprocessable("import_rows_invalid", "导入文件有错误，未导入任何数据",
            $"共 {rows} 行有错误（{errors.Count} 处），请改正后重新导入", new Dictionary<string, object?>
            {
                ["errorCount"] = errors.Count,
                ["errors"] = errors.Take(ImportApi.MaxErrorsListed).Select(e => new { row = e.Row, column = e.Column, message = e.Message }).ToList(),
            });
    }

    private static ImportOutcome Refused(Refusal problem) => new(null, problem);

    private static string CellOf(RawRegisterRow row, int cell) => cell < row.Cells.Count ? row.Cells[cell] ?? "" : "";

    private static int IndexOf(string column) => RegisterColumns.All.Select((c, i) => (c, i)).First(x => x.c == column).i;

    [LoggerMessage(Level = LogLevel.Information, Message = "Register {File} ({Sha256}): {Persons} persons and {Households} households " +
        "stored in {Total} ms (read {Read} ms, checked {Checked} ms, compared with the database {Planned} ms, written {Written} ms)")]
    private static partial void Stored(ILogger logger, string file, string sha256, int persons, int households, long total, long read,
        long @checked, long planned, long written);

    /// <summary>Milliseconds spent in each step of an import, for the log line an operator reads when one is slow.</summary>
    private sealed class ImportPhases
    {
        private readonly long _start = Stopwatch.GetTimestamp();
        private long _last;

        public ImportPhases() => _last = _start;

        public long Read { get; set; }
        public long Checked { get; set; }
        public long Planned { get; set; }
        public long Written { get; set; }
        public long Total => (long)Stopwatch.GetElapsedTime(_start).TotalMilliseconds;

        public long Lap()
        {
            var now = Stopwatch.GetTimestamp();
            var ms = (long)Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds;
            _last = now;
            return ms;
        }
    }
}
