using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cooperative.Domain.Claims;
using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>An enrolled person of the fund year, with the ids a claim of his names.</summary>
public sealed record EnrolledPerson(string PersonId, string EnrollmentId, string IdNumber, string Name);

/// <summary>
/// The claim ceiling: the writes of a settled claim as the API stores it, done by the database alone over raw SQL,
/// from <c>workers</c> connections at once, each claim for another enrolled person. What is written is copied from
/// a template: one claim settled over HTTP just before (its claim row, lines, status history, journal entry and
/// lines, every audit record of its request, and the enrolment's usage it added), with the ids, numbers, person,
/// invoice, keys and times of each new claim put in. So the rows, their sizes and the tables and indexes they go
/// into are the API's, whatever the API writes today. Per claim, two round trips in one transaction:
/// <list type="number">
/// <item><c>START TRANSACTION</c>, the enrolment's usage row read with <c>FOR UPDATE</c> and the ledger month's row
/// with <c>LOCK IN SHARE MODE</c> (the locks the API's settlement takes and a careful hand would still need);</item>
/// <item>one multi-statement batch: the usage row's UPDATE (its new usage computed from the one read), one multi-row
/// INSERT per table (audit records, claim, journal entry, claim lines, status history, journal lines, in the order
/// EF Core saves them) and <c>COMMIT</c>.</item>
/// </list>
/// Claim and journal numbers come in blocks of 50 out of <c>number_sequences</c>, reserved on a connection of their
/// own as the API's SequenceAllocator does (<see cref="Books.ReserveAsync"/>), so a block costs one round trip in 50.
/// The API's plain reads (the idempotency replay, facility, person, enrolment, policy, duplicate invoice, the
/// duplicate rule's claims, the opening date, the latest closed month) are not done: they are the API's work, not
/// the writes'.
/// </summary>
public sealed class ClaimCeiling : IDisposable
{
    public const int NumberBlock = 50;

    private readonly string _db;
    private readonly Template _template;
    private readonly IReadOnlyList<EnrolledPerson> _persons;
    private readonly string _prefix;
    private readonly Numbers _numbers;
    private int _next = -1;

    private ClaimCeiling(string db, Template template, IReadOnlyList<EnrolledPerson> persons, string prefix)
    {
        _db = db;
        _template = template;
        _persons = persons;
        _prefix = prefix;
        _numbers = new Numbers(db, template.Year);
    }

    public void Dispose() => _numbers.Dispose();

    /// <summary>Statements sent per claim in the two round trips (the number blocks aside).</summary>
    public int StatementsPerClaim => 3 + 1 + _template.Tables.Count + 1;

    /// <summary>Rows written per claim, by table (the usage row's UPDATE counted under enrollments).</summary>
    public string RowsPerClaim => string.Join(", ", _template.Tables.Select(t => $"{t.Name} {t.Rows.Count}").Prepend("enrollments 1 (UPDATE)"));

    public int AuditRecordsPerClaim => _template.Tables.Single(t => t.Name == "audit_records").Rows.Count;

    public int PersonsLeft => _persons.Count - Math.Max(0, _next + 1);

    /// <summary>
    /// Enrolled persons of the fund year without any usage yet (so without a settled claim), from the end of the ID
    /// number order: the HTTP claim scenario takes its persons from the start of that order.
    /// </summary>
    public static async Task<List<EnrolledPerson>> FreshPersonsAsync(string db, int year, int limit)
    {
        var list = new List<EnrolledPerson>(limit);
        await using var connection = new MySqlConnection(db);
        await connection.OpenAsync();
        await using var cmd = new MySqlCommand($"""
            SELECT p.Id, e.Id, p.IdNumber, p.Name FROM persons p JOIN enrollments e ON e.PersonId = p.Id AND e.FundYear = {year}
            WHERE e.UsageJson = '{"{}"}' ORDER BY p.IdNumber DESC LIMIT {limit}
            """, connection) { CommandTimeout = 600 };
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(new EnrolledPerson(reader.GetGuid(0).ToString(), reader.GetGuid(1).ToString(), reader.GetString(2), reader.GetString(3)));
        return list;
    }

    /// <summary>
    /// The ceiling for claims like the one numbered <paramref name="claimNumber"/>, settled over HTTP by a request with
    /// the correlation id <paramref name="correlationId"/> (for a person with no usage before it); new claims go to
    /// <paramref name="persons"/> in order, invoices RAW{prefix}-n.
    /// </summary>
    public static async Task<ClaimCeiling> CreateAsync(string db, string claimNumber, string correlationId, IReadOnlyList<EnrolledPerson> persons,
        string prefix) => new(db, await Template.LoadAsync(db, claimNumber, correlationId), persons, prefix);

    /// <summary>
    /// Runs the ceiling. The API's background audit sealer is kept off meanwhile (the bench holds its lease, as another
    /// instance would): sealing is not part of a claim's transaction, and the API process's CPU is not the database's.
    /// The records written are sealed afterwards by whoever calls <c>POST /api/audit/seal</c>.
    /// </summary>
    public async Task<LoadResult> RunAsync(int workers, TimeSpan duration, CpuWatch? cpu)
    {
        var held = await HoldSealerLeaseAsync(true);
        try
        {
            return await WriteClaimsAsync(workers, duration, cpu);
        }
        finally
        {
            if (held) await HoldSealerLeaseAsync(false);
        }
    }

    /// <summary>Takes the audit sealer's lease for ten minutes (or gives it back, lapsed); false when there is no lease row to take.</summary>
    private async Task<bool> HoldSealerLeaseAsync(bool hold)
    {
        const string me = "bench-raw-sql-claims";
        var sql = hold
            ? $"UPDATE audit_sealer_leases SET `Holder` = '{me}', `ExpiresUtc` = TIMESTAMPADD(MINUTE, 10, UTC_TIMESTAMP(6)) WHERE `Id` = 1"
            : $"UPDATE audit_sealer_leases SET `ExpiresUtc` = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6)) WHERE `Id` = 1 AND `Holder` = '{me}'";
        await using var connection = new MySqlConnection(_db);
        await connection.OpenAsync();
        await using var cmd = new MySqlCommand(sql, connection);
        try
        {
            var rows = await cmd.ExecuteNonQueryAsync();
            if (rows == 0 && hold) Console.WriteLine("  no audit sealer lease row: the API's sealer may run during the raw-SQL claims");
            return rows > 0;
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.NoSuchTable)
        {
            Console.WriteLine("  no audit_sealer_leases table: the API's sealer may run during the raw-SQL claims");
            return false;
        }
    }

    private async Task<LoadResult> WriteClaimsAsync(int workers, TimeSpan duration, CpuWatch? cpu)
    {
        var connections = new MySqlConnection[workers];
        for (var i = 0; i < workers; i++)
        {
            connections[i] = new MySqlConnection(_db);
            await connections[i].OpenAsync();
        }
        var errors = new Failures();
        try
        {
            var result = await Load.RunAsync(workers, duration, PersonsLeft, async (w, _) =>
            {
                var k = Interlocked.Increment(ref _next);
                if (k >= _persons.Count) return false;
                try
                {
                    await WriteAsync(connections[w], _persons[k], k);
                    return true;
                }
                catch (Exception e) when (e is MySqlException or InvalidOperationException)
                {
                    var code = e is MySqlException m ? m.ErrorCode.ToString() : "invalid";
                    errors.Add(e is MySqlException n ? (int)n.ErrorCode : 0, JsonSerializer.Serialize(new { code, detail = e.Message }));
                    await using var rollback = new MySqlCommand("ROLLBACK", connections[w]);
                    await rollback.ExecuteNonQueryAsync();
                    return false;
                }
            }, cpu);
            errors.Print("raw-SQL claims");
            return result;
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }
    }

    private async Task WriteAsync(MySqlConnection connection, EnrolledPerson person, int k)
    {
        var t = _template;
        var claimNumber = await _numbers.TakeAsync("claim");
        var entryNumber = await _numbers.TakeAsync("journal");
        var invoice = string.Create(CultureInfo.InvariantCulture, $"RAW{_prefix}-{k}");
        var values = new string[Slot.Count];
        values[Slot.ClaimId] = Guid.CreateVersion7().ToString();
        values[Slot.EntryId] = Guid.CreateVersion7().ToString();
        values[Slot.ClaimNumber] = string.Create(CultureInfo.InvariantCulture, $"BX-{t.Year}-{claimNumber:000000}");
        values[Slot.EntryNumber] = Books.EntryNumber(t.Year, entryNumber);
        values[Slot.PersonId] = person.PersonId;
        values[Slot.EnrollmentId] = person.EnrollmentId;
        values[Slot.IdNumber] = person.IdNumber;
        values[Slot.Invoice] = invoice;
        values[Slot.IdempotencyKey] = "RAWKEY-" + invoice;
        values[Slot.RequestHash] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(invoice)));
        values[Slot.CorrelationId] = "raw-" + invoice;
        values[Slot.Name] = person.Name;
        values[Slot.QuotedName] = $"\"{person.Name}\"";
        for (var i = 0; i < values.Length; i++) values[i] = Sql.Escape(values[i]);

        // Round trip 1: the transaction and its locks.
        string before;
        await using (var locks = new MySqlCommand(
            $"START TRANSACTION; SELECT UsageJson FROM enrollments WHERE Id = '{person.EnrollmentId}' FOR UPDATE; " +
            $"SELECT IsClosed FROM ledger_periods WHERE Period = {t.Period} LOCK IN SHARE MODE", connection))
        await using (var reader = await locks.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) throw new InvalidOperationException($"enrolment {person.EnrollmentId} not found");
            before = reader.GetString(0);
            await reader.NextResultAsync();
            if (!await reader.ReadAsync() || reader.GetBoolean(0)) throw new InvalidOperationException($"ledger period {t.Period} missing or closed");
        }
        var after = Usage.Write(Usage.Add(Usage.Parse(before), t.UsageAdded));

        // Round trip 2: every write and the commit.
        var now = Sql.Literal(DateTime.UtcNow);
        var sql = new StringBuilder(t.SizeHint);
        sql.Append("UPDATE enrollments SET UsageJson = '").Append(Sql.Escape(after)).Append("' WHERE Id = '").Append(person.EnrollmentId).Append("';\n");
        foreach (var table in t.Tables)
        {
            sql.Append(table.Insert);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ",\n(");
                var row = table.Rows[r];
                for (var c = 0; c < row.Length; c++)
                {
                    if (c > 0) sql.Append(", ");
                    var cell = row[c];
                    if (cell.Usage is { } usage) sql.Append('\'').Append(Sql.Escape($"{{\"UsageJson\":{(usage == UsageSide.Before ? before : after)}}}")).Append('\'');
                    else cell.AppendTo(sql, values, now);
                }
                sql.Append(')');
            }
            sql.Append(";\n");
        }
        sql.Append("COMMIT");
        await using var batch = new MySqlCommand(sql.ToString(), connection);
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>Where a new claim's own values go in the template's text.</summary>
    private static class Slot
    {
        public const int ClaimId = 0, EntryId = 1, ClaimNumber = 2, EntryNumber = 3, PersonId = 4, EnrollmentId = 5, IdNumber = 6, Invoice = 7,
            IdempotencyKey = 8, RequestHash = 9, CorrelationId = 10, Name = 11, QuotedName = 12, Count = 13;
    }

    private enum UsageSide { Before, After }

    /// <summary>One value of a template row: a constant SQL literal, the time of writing, or text with the new claim's values put in.</summary>
    private sealed class Cell
    {
        public string? Constant { get; init; }
        public bool Now { get; init; }
        /// <summary>Escaped text between the slots: Parts[0], Slots[0], Parts[1], ... Parts[^1].</summary>
        public string[]? Parts { get; init; }
        public int[]? Slots { get; init; }
        /// <summary>The enrolment's audit record's Before or After: the usage read and the usage written.</summary>
        public UsageSide? Usage { get; init; }

        public void AppendTo(StringBuilder sql, string[] values, string now)
        {
            if (Constant is not null) sql.Append(Constant);
            else if (Now) sql.Append(now);
            else
            {
                sql.Append('\'').Append(Parts![0]);
                for (var i = 0; i < Slots!.Length; i++) sql.Append(values[Slots[i]]).Append(Parts[i + 1]);
                sql.Append('\'');
            }
        }
    }

    private sealed record Table(string Name, string Insert, List<Cell[]> Rows);

    /// <summary>What the API wrote for the template claim, ready to be written again for other persons.</summary>
    private sealed class Template
    {
        public required int Year { get; init; }
        public required int Period { get; init; }
        public required Dictionary<string, decimal> UsageAdded { get; init; }
        public required List<Table> Tables { get; init; }
        public int SizeHint { get; set; }

        public static async Task<Template> LoadAsync(string db, string claimNumber, string correlationId)
        {
            await using var connection = new MySqlConnection(db);
            await connection.OpenAsync();
            var claims = await RowsAsync(connection, "SELECT * FROM claims WHERE Number = @v", claimNumber);
            if (claims.Rows.Count != 1) throw new InvalidOperationException($"template claim {claimNumber} not found");
            var claim = claims.Rows[0];
            string Text(string column) => Convert.ToString(claim[claims.Index(column)], CultureInfo.InvariantCulture)!;
            if (Text("Status") != "Settled") throw new InvalidOperationException($"template claim {claimNumber} is {Text("Status")}, not Settled");
            var claimId = Text("Id");
            var entryId = Text("SettlementEntryId");
            var enrollmentId = Text("EnrollmentId");
            var entries = await RowsAsync(connection, "SELECT * FROM journal_entries WHERE Id = @v", entryId);
            var entryLines = await RowsAsync(connection, "SELECT * FROM journal_lines WHERE EntryId = @v ORDER BY LineNo", entryId);
            var lines = await RowsAsync(connection, "SELECT * FROM claim_lines WHERE ClaimId = @v ORDER BY LineNo", claimId);
            var history = await RowsAsync(connection, "SELECT * FROM claim_status_changes WHERE ClaimId = @v ORDER BY Seq", claimId);
            var audit = await RowsAsync(connection, "SELECT * FROM audit_records WHERE CorrelationId = @v ORDER BY Id", correlationId);
            var usage = (await RowsAsync(connection, "SELECT UsageJson FROM enrollments WHERE Id = @v", enrollmentId)).Rows[0][0] as string;
            if (entries.Rows.Count != 1 || audit.Rows.Count == 0 || usage is null)
                throw new InvalidOperationException($"template claim {claimNumber}: {entries.Rows.Count} entries, {audit.Rows.Count} audit records of {correlationId}");
            var invoice = Text("InvoiceNumber");
            if (BillText.InvoiceKey(invoice) != invoice) throw new InvalidOperationException($"template invoice {invoice} is not in normal form");

            var name = Text("PatientName");
            var tokens = new List<(string Text, int Slot)>
            {
                (claimId, Slot.ClaimId), (entryId, Slot.EntryId), (Text("Number"), Slot.ClaimNumber),
                (Convert.ToString(entries.Rows[0][entries.Index("Number")], CultureInfo.InvariantCulture)!, Slot.EntryNumber),
                (Text("PersonId"), Slot.PersonId), (enrollmentId, Slot.EnrollmentId), (Text("IdNumber"), Slot.IdNumber), (invoice, Slot.Invoice),
                (Text("IdempotencyKey"), Slot.IdempotencyKey), (Text("RequestHash"), Slot.RequestHash), (correlationId, Slot.CorrelationId),
                ($"\"{name}\"", Slot.QuotedName),
            };
            var compiler = new Compiler(tokens, name);
            var entryDate = (DateTime)entries.Rows[0][entries.Index("Date")]!;
            var template = new Template
            {
                Year = entryDate.Year,
                Period = Convert.ToInt32(entries.Rows[0][entries.Index("Period")], CultureInfo.InvariantCulture),
                UsageAdded = Usage.Parse(usage),
                // The order in which EF Core sent them for the template (the usage UPDATE goes first, on its own).
                Tables =
                [
                    compiler.Compile("audit_records", audit, skip: ["Id", "Seq", "Hash", "KeyId"], enrollmentId),
                    compiler.Compile("claims", claims), compiler.Compile("journal_entries", entries), compiler.Compile("claim_lines", lines),
                    compiler.Compile("claim_status_changes", history), compiler.Compile("journal_lines", entryLines),
                ],
            };
            template.SizeHint = 4096 + template.Tables.Sum(t => t.Rows.Sum(r => r.Sum(c => (c.Constant?.Length ?? 0) + (c.Parts?.Sum(p => p.Length) ?? 0) + 40)));
            return template;
        }
    }

    /// <summary>Turns a template's values into cells: its own ids and keys become slots wherever they occur in its text.</summary>
    private sealed class Compiler(List<(string Text, int Slot)> tokens, string name)
    {
        private readonly List<(string Text, int Slot)> _tokens = tokens.Where(t => t.Text.Length > 0).OrderByDescending(t => t.Text.Length).ToList();

        public Table Compile(string table, RowSet rows, string[]? skip = null, string? enrollmentId = null)
        {
            var columns = Enumerable.Range(0, rows.Names.Count).Where(i => skip is null || !skip.Contains(rows.Names[i])).ToList();
            var insert = $"INSERT INTO `{table}` ({string.Join(", ", columns.Select(i => $"`{rows.Names[i]}`"))}) VALUES\n";
            var cells = rows.Rows.Select(row =>
            {
                var usageRecord = enrollmentId is not null && row[rows.Index("EntityType")] as string == "Enrollment"
                    && row[rows.Index("EntityId")] as string == enrollmentId;
                return columns.Select(i => usageRecord && rows.Names[i] is "Before" or "After"
                    ? new Cell { Usage = rows.Names[i] == "Before" ? UsageSide.Before : UsageSide.After }
                    : CellOf(row[i], rows.Types[i])).ToArray();
            }).ToList();
            return new Table(table, insert, cells);
        }

        private Cell CellOf(object? value, string type)
        {
            switch (value)
            {
                case null or DBNull: return new Cell { Constant = "NULL" };
                case DateTime when type.StartsWith("DATETIME", StringComparison.OrdinalIgnoreCase) || type.StartsWith("TIMESTAMP", StringComparison.OrdinalIgnoreCase):
                    return new Cell { Now = true };
                case Guid g: return Text(g.ToString());
                case string s: return Text(s);
                default: return new Cell { Constant = Sql.Literal(value) };
            }
        }

        private Cell Text(string s)
        {
            if (s == name) return new Cell { Parts = ["", ""], Slots = [Slot.Name] };
            var parts = new List<string>();
            var slots = new List<int>();
            var literal = new StringBuilder();
            for (var i = 0; i < s.Length;)
            {
                var hit = _tokens.FirstOrDefault(t => i + t.Text.Length <= s.Length && string.CompareOrdinal(s, i, t.Text, 0, t.Text.Length) == 0);
                if (hit.Text is null)
                {
                    literal.Append(s[i++]);
                    continue;
                }
                parts.Add(Sql.Escape(literal.ToString()));
                literal.Clear();
                slots.Add(hit.Slot);
                i += hit.Text.Length;
            }
            parts.Add(Sql.Escape(literal.ToString()));
            return slots.Count == 0 ? new Cell { Constant = $"'{parts[0]}'" } : new Cell { Parts = [.. parts], Slots = [.. slots] };
        }
    }

    /// <summary>The rows of a query: column names, their database types, and the values.</summary>
    private sealed record RowSet(List<string> Names, List<string> Types, List<object?[]> Rows)
    {
        public int Index(string column) => Names.IndexOf(column) is var i and >= 0 ? i : throw new InvalidOperationException($"no column {column}");
    }

    private static async Task<RowSet> RowsAsync(MySqlConnection connection, string sql, string value)
    {
        await using var cmd = new MySqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("@v", value);
        await using var reader = await cmd.ExecuteReaderAsync();
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new RowSet(names, types, rows);
    }

    /// <summary>Numbers of a yearly sequence handed out from blocks reserved on a connection of their own (see <see cref="Books.ReserveAsync"/>).</summary>
    private sealed class Numbers(string db, int year) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Dictionary<string, (long Next, long End)> _blocks = [];

        public async Task<long> TakeAsync(string name)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_blocks.TryGetValue(name, out var block) || block.Next >= block.End)
                {
                    await using var connection = new MySqlConnection(db);
                    await connection.OpenAsync();
                    var first = await Books.ReserveAsync(connection, name, year, NumberBlock);
                    block = (first, first + NumberBlock);
                }
                _blocks[name] = (block.Next + 1, block.End);
                return block.Next;
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();
    }
}

/// <summary>SQL literals as a careful hand writes them (MariaDB's default quoting: backslash and quote escaped).</summary>
internal static class Sql
{
    public static string Escape(string text) =>
        text.Contains('\\', StringComparison.Ordinal) || text.Contains('\'', StringComparison.Ordinal)
            ? text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)
            : text;

    public static string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{Escape(s)}'",
        bool b => b ? "1" : "0",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => $"'{d:yyyy-MM-dd}'",
        DateTime d => $"'{d:yyyy-MM-dd HH:mm:ss.ffffff}'",
        DateOnly d => $"'{d:yyyy-MM-dd}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => $"'{Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}'",
    };
}

/// <summary>A usage document as the API stores it (Benefits/UsageJson.cs): pots in key order, two decimals, zero pots left out.</summary>
internal static class Usage
{
    public static Dictionary<string, decimal> Parse(string json)
    {
        var usage = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject()) usage[property.Name] = property.Value.GetDecimal();
        return usage;
    }

    public static Dictionary<string, decimal> Add(Dictionary<string, decimal> usage, Dictionary<string, decimal> added)
    {
        var sum = new Dictionary<string, decimal>(usage, StringComparer.Ordinal);
        foreach (var (pot, amount) in added) sum[pot] = sum.GetValueOrDefault(pot) + amount;
        return sum;
    }

    public static string Write(Dictionary<string, decimal> usage) =>
        "{" + string.Join(",", usage.Where(u => u.Value != 0).OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => $"\"{u.Key}\":{u.Value.ToString("0.00", CultureInfo.InvariantCulture)}")) + "}";
}
