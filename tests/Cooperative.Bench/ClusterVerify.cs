using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Reimbursement;
using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>
/// The checks after a cluster run (tests/cluster.sh), on the restarted and resynchronised cluster: every acknowledged
/// claim and enrolment present exactly once, nothing refused present, the nodes holding the same rows, each
/// enrolment's usage the sum of its standing claims, the API's ledger checks, and the audit chain verified once
/// sealing has caught up. Writes reports/cluster/yyyy-MM-dd-HHmm-LAYOUT.md; exit 1 when a check fails.
/// </summary>
internal static class ClusterVerify
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly string[] NodeTables = ["claims", "enrollments", "receipts", "persons", "households", "journal_entries", "journal_lines", "audit_records", "audit_chain_heads"];

    private sealed record Check(string Name, bool Pass, string Detail);

    public static async Task<int> RunAsync(Options o)
    {
        var dir = o.Dir;
        var layout = o.Arg("--layout", "single");
        var load = JsonSerializer.Deserialize<ClusterRunResult>(await File.ReadAllTextAsync(Path.Combine(dir, "load.json")), Web)
                   ?? throw new InvalidOperationException("load.json is empty");
        var acks = ReadLines(Path.Combine(dir, "acks.jsonl"));
        var refused = ReadLines(Path.Combine(dir, "refused.jsonl"));
        var unresolved = ReadLines(Path.Combine(dir, "unresolved.jsonl"));
        var events = File.ReadAllLines(Path.Combine(dir, "events.log")).Where(l => l.Length > 0)
            .Select(l => (Ms: long.Parse(l[..l.IndexOf(' ')], CultureInfo.InvariantCulture), Text: l[(l.IndexOf(' ') + 1)..])).ToList();
        var checks = new List<Check>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        using var tokenHttp = new HttpClient { BaseAddress = new Uri(o.Api), Timeout = TimeSpan.FromSeconds(30) };
        var admin = await ClusterLoad.TokenAsync(tokenHttp, "grant_type=password&username=admin&password=demo-admin-2026");
        using var http = new HttpClient { BaseAddress = new Uri(o.Api), Timeout = TimeSpan.FromMinutes(3) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);

        // The nodes: all Synced, the same last committed write set, then the same rows.
        var ports = o.Arg("--nodes", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        checks.Add(await NodesAgreeAsync(o.Db, ports));

        // The audit chain is sealed in the background: wait (at most 90 s) until nothing is left unsealed.
        JsonNode? verify = null;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            verify = await GetJsonAsync(http, "/api/audit/verify");
            if (verify?["unsealed"]?.GetValue<long>() == 0) break;
            await Task.Delay(2000);
        }
        var unsealed = verify?["unsealed"]?.GetValue<long>() ?? -1;
        checks.Add(new Check("audit sealing caught up", unsealed == 0,
            $"{unsealed} records unsealed after {waited.Elapsed.TotalSeconds:N0} s of waiting"));

        await using var db = new MySqlConnection(o.Db);
        await db.OpenAsync();
        checks.AddRange(await ClaimChecksAsync(db, load.RunId, acks, refused, unresolved));
        checks.AddRange(await EnrolmentChecksAsync(db, acks, refused, unresolved));
        checks.AddRange(await ImportChecksAsync(db, dir, load));
        checks.Add(await UsageCheckAsync(db));

        var invariant = await GetJsonAsync(http, "/api/ledger/invariant");
        checks.Add(new Check("ledger invariant (GET /api/ledger/invariant)", invariant?["holds"]?.GetValue<bool>() == true, Short(invariant)));
        var reconciliation = await GetJsonAsync(http, "/api/ledger/reconciliation");
        var disagreements = reconciliation?["disagreements"]?.AsArray() ?? [];
        checks.Add(new Check("books reconciliation (GET /api/ledger/reconciliation)", reconciliation?["agrees"]?.GetValue<bool>() == true,
            $"{reconciliation?["claimsChecked"]} claims, {reconciliation?["enrollmentsChecked"]} enrolments checked; {disagreements.Count} disagreements" +
            string.Concat(disagreements.Take(5).Select(d => $"; {d?["kind"]} {d?["record"]}: {d?["detail"]}"))));
        var trial = await GetJsonAsync(http, $"/api/ledger/trial-balance?date={today:yyyy-MM-dd}");
        checks.Add(new Check("trial balance (GET /api/ledger/trial-balance)", trial?["balanced"]?.GetValue<bool>() == true,
            $"debit {trial?["totalDebit"]}, credit {trial?["totalCredit"]}"));
        verify = await GetJsonAsync(http, "/api/audit/verify");
        checks.Add(new Check("audit chain (GET /api/audit/verify)", verify?["intact"]?.GetValue<bool>() == true,
            $"{verify?["verified"]} records verified, {verify?["unsealed"]} unsealed, {verify?["checkpoints"]} checkpoints" +
            (verify?["firstBroken"] is JsonObject broken ? $"; first broken: seq {broken["seq"]}, record {broken["recordId"]}: {broken["reason"]}" : "")));

        var logs = o.Arg("--api-logs", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ApiLogSummary.Read).ToList();
        var loadExit = o.Int("--load-exit", 0);
        if (loadExit != 0) checks.Add(new Check("load generator", false, $"exited {loadExit}"));

        var report = Render(layout, load, acks, refused, unresolved, events, checks, logs);
        var outDir = o.Arg("--out", "reports/cluster");
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, $"{DateTime.UtcNow:yyyy-MM-dd-HHmm}-{layout}.md");
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine(report);
        Console.WriteLine($"report: {path}");
        var failed = checks.Where(c => !c.Pass).ToList();
        foreach (var c in failed) Console.WriteLine($"FAILED: {c.Name}: {c.Detail}");
        return failed.Count == 0 ? 0 : 1;
    }

    private static List<JsonObject> ReadLines(string path) => File.Exists(path)
        ? File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList()
        : [];

    private static async Task<JsonNode?> GetJsonAsync(HttpClient http, string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode) return JsonNode.Parse(body);
                if (attempt >= 5) return new JsonObject { ["error"] = $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}" };
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 5) { }
            await Task.Delay(1000);
        }
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "no answer";
        return text.Length > 400 ? text[..400] + "…" : text;
    }

    private static async Task<Check> NodesAgreeAsync(string frontConnection, string[] ports)
    {
        if (ports.Length == 0) return new Check("nodes agree", false, "no --nodes given");
        var builder = new MySqlConnectionStringBuilder(frontConnection);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        string[] states = [];
        while (true)
        {
            states = new string[ports.Length];
            for (var i = 0; i < ports.Length; i++)
            {
                var node = new MySqlConnectionStringBuilder(builder.ConnectionString) { Port = uint.Parse(ports[i], CultureInfo.InvariantCulture) };
                try
                {
                    await using var c = new MySqlConnection(node.ConnectionString);
                    await c.OpenAsync();
                    var state = await ScalarTextAsync(c, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_LOCAL_STATE_COMMENT'");
                    var committed = await ScalarTextAsync(c, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_LAST_COMMITTED'");
                    var sums = new StringBuilder();
                    foreach (var table in NodeTables)
                    {
                        var count = await ScalarTextAsync(c, $"SELECT COUNT(*) FROM `{table}`");
                        await using var cmd = new MySqlCommand($"CHECKSUM TABLE `{table}`", c);
                        await using var reader = await cmd.ExecuteReaderAsync();
                        await reader.ReadAsync();
                        sums.Append(CultureInfo.InvariantCulture, $"{table} {count} rows {reader.GetValue(1)}; ");
                    }
                    states[i] = $"{state} at {committed}|{sums}";
                }
                catch (MySqlException e)
                {
                    states[i] = $"unreachable: {e.Message}";
                }
            }
            var same = states.All(s => s.StartsWith("Synced", StringComparison.Ordinal)) && states.Select(s => s).Distinct().Count() == 1;
            if (same) return new Check("nodes agree (wsrep_last_committed, row counts and CHECKSUM TABLE of the written tables on each node)", true,
                $"{ports.Length} nodes Synced at the same position; {states[0].Split('|')[1].Trim()}");
            if (waited.Elapsed > TimeSpan.FromSeconds(20))
                return new Check("nodes agree (wsrep_last_committed, row counts and CHECKSUM TABLE of the written tables on each node)", false,
                    string.Join(" / ", states.Select((s, i) => $"node on port {ports[i]}: {s}")));
            await Task.Delay(1000);
        }
    }

    private static async Task<string> ScalarTextAsync(MySqlConnection c, string sql)
    {
        await using var cmd = new MySqlCommand(sql, c);
        return Convert.ToString(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    private static async Task<List<Check>> ClaimChecksAsync(MySqlConnection db, string runId, List<JsonObject> acks, List<JsonObject> refused,
        List<JsonObject> unresolved)
    {
        var rows = new List<(string Key, string Number, string Invoice)>();
        await using (var cmd = new MySqlCommand("SELECT IdempotencyKey, Number, InvoiceNumber FROM claims WHERE IdempotencyKey LIKE @p", db))
        {
            cmd.Parameters.AddWithValue("@p", runId + "-%");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        var byKey = rows.ToLookup(r => r.Key);
        var acked = acks.Where(a => (string?)a["kind"] == "claim").ToList();
        var missing = acked.Where(a => !byKey[(string)a["key"]!].Any()).Select(a => (string)a["key"]!).ToList();
        var wrongNumber = acked.Where(a => byKey[(string)a["key"]!].Count() == 1 && byKey[(string)a["key"]!].Single().Number != (string?)a["number"])
            .Select(a => $"{a["key"]}: acknowledged {a["number"]}, stored {byKey[(string)a["key"]!].Single().Number}").ToList();
        var twice = byKey.Where(g => g.Count() > 1).Select(g => $"{g.Key} × {g.Count()}").ToList();
        var duplicateInvoices = rows.GroupBy(r => r.Invoice).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var refusedClaims = refused.Where(r => (string?)r["kind"] == "claim").ToList();
        var refusedPresent = refusedClaims.Where(r => byKey[(string)r["key"]!].Any()).Select(r => $"{r["key"]} ({r["status"]} {r["code"]})").ToList();
        var unresolvedClaims = unresolved.Where(u => (string?)u["kind"] == "claim").Select(u => (string)u["key"]!).ToHashSet();
        var known = acked.Select(a => (string)a["key"]!).Concat(refusedClaims.Select(r => (string)r["key"]!)).Concat(unresolvedClaims).ToHashSet();
        var unexplained = rows.Where(r => !known.Contains(r.Key)).Select(r => r.Key).ToList();
        var ackedAfterUnknown = acked.Count(a => a["unknownBefore"]?.GetValue<int>() > 0);
        return
        [
            new("every acknowledged claim present exactly once, under the acknowledged number", missing.Count == 0 && twice.Count == 0 && wrongNumber.Count == 0,
                $"{acked.Count:N0} acknowledged ({ackedAfterUnknown:N0} of them after an attempt without an answer), {rows.Count:N0} rows of this run; " +
                $"missing {missing.Count}{List(missing)}; stored more than once {twice.Count}{List(twice)}; other number {wrongNumber.Count}{List(wrongNumber)}"),
            new("no invoice settled twice", duplicateInvoices.Count == 0, $"{duplicateInvoices.Count} invoices with more than one claim{List(duplicateInvoices)}"),
            new("no refused claim stored", refusedPresent.Count == 0, $"{refusedClaims.Count:N0} refused, {refusedPresent.Count} of them stored{List(refusedPresent)}"),
            new("no claim of this run stored that the load did not send", unexplained.Count == 0,
                $"{unexplained.Count}{List(unexplained)}; {unresolvedClaims.Count} sent without a final answer (present: {rows.Count(r => unresolvedClaims.Contains(r.Key))})"),
        ];
    }

    private static async Task<List<Check>> EnrolmentChecksAsync(MySqlConnection db, List<JsonObject> acks, List<JsonObject> refused, List<JsonObject> unresolved)
    {
        var ackedEnrolments = acks.Where(a => (string?)a["kind"] == "enrolment").ToList();
        var year = ackedEnrolments.Select(a => a["year"]!.GetValue<int>()).FirstOrDefault(DateTime.UtcNow.AddHours(8).Year);
        var enrolments = new List<(Guid Person, Guid Receipt)>();
        await using (var cmd = new MySqlCommand("SELECT PersonId, ReceiptId FROM enrollments WHERE FundYear = @y", db))
        {
            cmd.Parameters.AddWithValue("@y", year);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) enrolments.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }
        var receipts = new Dictionary<string, (Guid Id, int PersonCount)>(StringComparer.Ordinal);
        var receiptRows = new List<(Guid Id, string Number, int PersonCount)>();
        await using (var cmd = new MySqlCommand("SELECT Id, Number, PersonCount FROM receipts WHERE FundYear = @y", db))
        {
            cmd.Parameters.AddWithValue("@y", year);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) receiptRows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)));
        }
        foreach (var r in receiptRows) receipts[r.Number] = (r.Id, r.PersonCount);
        var byPerson = enrolments.ToLookup(e => e.Person);
        var byReceipt = enrolments.ToLookup(e => e.Receipt);
        var persons = ackedEnrolments.SelectMany(a => a["persons"]!.AsArray().Select(p => (Ack: a, Person: p!.GetValue<Guid>()))).ToList();
        var missing = persons.Where(p => byPerson[p.Person].Count() != 1).Select(p => $"{p.Person} × {byPerson[p.Person].Count()}").ToList();
        var wrongReceipt = ackedEnrolments.Where(a => a["receipt"] is JsonValue)
            .SelectMany(a => a["persons"]!.AsArray().Select(p => (Receipt: (string)a["receipt"]!, Person: p!.GetValue<Guid>())))
            .Where(p => !receipts.TryGetValue(p.Receipt, out var r) || byPerson[p.Person].All(e => e.Receipt != r.Id))
            .Select(p => $"{p.Person} not under receipt {p.Receipt}").ToList();
        var twice = byPerson.Where(g => g.Count() > 1).Select(g => $"{g.Key} × {g.Count()}").ToList();
        var receiptCounts = receiptRows.Where(r => byReceipt[r.Id].Count() != r.PersonCount)
            .Select(r => $"{r.Number}: PersonCount {r.PersonCount}, {byReceipt[r.Id].Count()} enrolments").ToList();
        var refusedPersons = refused.Where(r => (string?)r["kind"] == "enrolment")
            .SelectMany(r => r["persons"]!.AsArray().Select(p => (Refusal: $"{r["status"]} {r["code"]}", Person: p!.GetValue<Guid>()))).ToList();
        var refusedPresent = refusedPersons.Where(p => byPerson[p.Person].Any()).Select(p => $"{p.Person} ({p.Refusal})").ToList();
        var unresolvedPersons = unresolved.Where(u => (string?)u["kind"] == "enrolment").SelectMany(u => u["persons"]!.AsArray()).Count();
        return
        [
            new("every acknowledged enrolment present exactly once", missing.Count == 0 && wrongReceipt.Count == 0,
                $"{ackedEnrolments.Count:N0} household enrolments acknowledged ({ackedEnrolments.Count(a => a["confirmedByRetry"]?.GetValue<bool>() == true)} " +
                $"confirmed by \"already enrolled\" after an attempt without an answer), {persons.Count:N0} persons; not exactly once {missing.Count}{List(missing)}; " +
                $"not under the acknowledged receipt {wrongReceipt.Count}{List(wrongReceipt)}"),
            new($"no person enrolled twice for {year}, each receipt's PersonCount its enrolments", twice.Count == 0 && receiptCounts.Count == 0,
                $"{enrolments.Count:N0} enrolments, {receiptRows.Count:N0} receipts; twice {twice.Count}{List(twice)}; receipts off {receiptCounts.Count}{List(receiptCounts)}"),
            new("no refused enrolment stored", refusedPresent.Count == 0,
                $"{refusedPersons.Count:N0} persons refused, {refusedPresent.Count} of them enrolled{List(refusedPresent)}; {unresolvedPersons} persons sent without a final answer"),
        ];
    }

    private static async Task<List<Check>> ImportChecksAsync(MySqlConnection db, string dir, ClusterRunResult load)
    {
        var checks = new List<Check>();
        foreach (var (file, answered) in new[] { ("register-enrol.csv", true), ("register-import.csv", load.Import?.Status == 200) })
        {
            var path = Path.Combine(dir, file);
            var lines = File.ReadAllLines(path);
            var column = Array.IndexOf(lines[0].TrimStart('\uFEFF').Split(','), "身份证号");
            var ids = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[column]).Distinct().ToList();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(500))
            {
                await using var cmd = new MySqlCommand($"SELECT IdNumber, COUNT(*) FROM persons WHERE IdNumber IN ({string.Join(',', chunk.Select((_, i) => $"@p{i}"))}) GROUP BY IdNumber", db);
                for (var i = 0; i < chunk.Length; i++) cmd.Parameters.AddWithValue($"@p{i}", chunk[i]);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt32(1);
            }
            var present = ids.Count(counts.ContainsKey);
            var twice = counts.Count(c => c.Value > 1);
            var what = file == "register-enrol.csv" ? "register imported before the load" : $"register imported under load (answer {load.Import?.Status}, {load.Import?.Attempts} attempts)";
            checks.Add(answered
                ? new Check($"{what}: every person present exactly once", present == ids.Count && twice == 0, $"{ids.Count:N0} persons in the file, {present:N0} present, {twice} twice")
                : new Check($"{what}: all or nothing", (present == ids.Count || present == 0) && twice == 0, $"{ids.Count:N0} persons in the file, {present:N0} present, {twice} twice"));
        }
        return checks;
    }

    /// <summary>Each enrolment's stored usage equals the sum of its standing (settled, not undone) claims, pot by pot.</summary>
    private static async Task<Check> UsageCheckAsync(MySqlConnection db)
    {
        var sums = new Dictionary<Guid, Dictionary<string, decimal>>();
        int claims = 0;
        await using (var cmd = new MySqlCommand("SELECT EnrollmentId, Status, Benefit, BenefitGroup, Reimbursement, CatastrophicBase, CatastrophicPaid, AssistancePaid FROM claims", db))
        {
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                claims++;
                if (!Enum.Parse<ClaimStatus>(reader.GetString(1)).HoldsSettlement()) continue;
                var usage = sums.TryGetValue(reader.GetGuid(0), out var u) ? u : sums[reader.GetGuid(0)] = new Dictionary<string, decimal>(StringComparer.Ordinal);
                void Add(string pot, decimal amount) { if (amount != 0) usage[pot] = usage.GetValueOrDefault(pot) + amount; }
                Add(UsagePots.ForBasic(Enum.Parse<BenefitKind>(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3)), reader.GetDecimal(4));
                Add(UsagePots.CatastrophicBase, reader.GetDecimal(5));
                Add(UsagePots.Catastrophic, reader.GetDecimal(6));
                Add(UsagePots.Assistance, reader.GetDecimal(7));
            }
        }
        var wrong = new List<string>();
        var enrolments = 0;
        await using (var cmd = new MySqlCommand("SELECT Id, UsageJson FROM enrollments", db))
        {
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                enrolments++;
                var stored = new Dictionary<string, decimal>(StringComparer.Ordinal);
                using (var json = JsonDocument.Parse(reader.GetString(1)))
                    foreach (var p in json.RootElement.EnumerateObject()) if (p.Value.GetDecimal() != 0) stored[p.Name] = p.Value.GetDecimal();
                var expected = sums.GetValueOrDefault(reader.GetGuid(0)) ?? [];
                expected = expected.Where(e => e.Value != 0).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
                if (stored.Count != expected.Count || stored.Any(s => expected.GetValueOrDefault(s.Key) != s.Value))
                    wrong.Add($"{reader.GetGuid(0)}: stored {Text(stored)}, claims {Text(expected)}");
            }
        }
        return new Check("each enrolment's usage (enrollments.UsageJson) equals the sum of its standing claims", wrong.Count == 0,
            $"{enrolments:N0} enrolments, {claims:N0} claims; {wrong.Count} differ{List(wrong)}");

        static string Text(Dictionary<string, decimal> d) => "{" + string.Join(",", d.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value:0.00}")) + "}";
    }

    private static string List(List<string> items) => items.Count == 0 ? "" : " (" + string.Join(", ", items.Take(5)) + (items.Count > 5 ? ", …" : "") + ")";

    // ------------------------------------------------------------------------------------------------------------
    // The report
    // ------------------------------------------------------------------------------------------------------------

    private static string Render(string layout, ClusterRunResult load, List<JsonObject> acks, List<JsonObject> refused, List<JsonObject> unresolved,
        List<(long Ms, string Text)> events, List<Check> checks, List<ApiLogSummary> logs)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var seconds = (load.EndedMs - load.StartedMs) / 1000.0;
        int Sec(long ms) => (int)Math.Floor((ms - load.StartedMs) / 1000.0);
        sb.AppendLine(inv, $"# Cluster run {DateTimeOffset.FromUnixTimeMilliseconds(load.StartedMs):yyyy-MM-dd HH:mm} UTC, {layout} layout");
        sb.AppendLine();
        sb.AppendLine(string.Create(inv, $"Made by `bash tests/cluster.sh --layout {layout}`: three MariaDB 10.11 Galera nodes (run as user mysql, rsync SST), HAProxy in front ") +
            (layout == "single"
                ? "sending every connection to one node (node 1 while Synced, else node 2, else node 3; a node not Synced gets no traffic: external check of wsrep_local_state)"
                : "spreading connections over every Synced node (leastconn; external check of wsrep_local_state), the nodes running wsrep_sync_wait=1") +
            $", two API instances behind a second HAProxy frontend, all on 127.0.0.1 of one 2-core machine. {load.Clients} clients for {seconds:N0} s (after a 10 s warm-up, not counted) through the API front: " +
            "43 % facility claims (outpatient, 5 lines), 12 % household enrolments (while households are left), the rest coverage checks, and one register import at 30 % of the run. " +
            "A request without an answer, or answered 500/502/503/504, is sent again (claims with the same Idempotency-Key) for up to 60 s.");
        sb.AppendLine();
        sb.AppendLine("## Checks");
        sb.AppendLine();
        sb.AppendLine("| check | result | detail |");
        sb.AppendLine("| --- | --- | --- |");
        foreach (var c in checks) sb.AppendLine(inv, $"| {c.Name} | {(c.Pass ? "pass" : "**FAIL**")} | {Cell(c.Detail)} |");
        sb.AppendLine();

        sb.AppendLine("## Events");
        sb.AppendLine();
        sb.AppendLine("| at (s from load start) | event |");
        sb.AppendLine("| --- | --- |");
        foreach (var e in events) sb.AppendLine(inv, $"| {(e.Ms - load.StartedMs) / 1000.0:N1} | {Cell(e.Text)} |");
        sb.AppendLine();

        sb.AppendLine("## Throughput around each kill");
        sb.AppendLine();
        sb.AppendLine("Acknowledged writes (claims + enrolments) and answered coverage checks per second, and failed attempts (errors) per second, in the 10 s " +
                      "before the kill, from the kill until the killed part was back (node Synced / instance ready), and in the 10 s after.");
        sb.AppendLine();
        sb.AppendLine("| kill | back after | before: writes/s, reads/s, errors | during | after |");
        sb.AppendLine("| --- | --- | --- | --- | --- |");
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var parts = e.Text.Split(' ');
            if (parts[0] is not ("kill-db" or "kill-api")) continue;
            var back = parts[0] == "kill-db" ? "db-synced" : "api-ready";
            var recovered = events.Skip(i + 1).FirstOrDefault(x => x.Text.StartsWith($"{back} {parts[1]} ", StringComparison.Ordinal));
            var k = Sec(e.Ms);
            var r = recovered.Text is null ? Sec(load.EndedMs) : Sec(recovered.Ms);
            sb.AppendLine(inv, $"| {Cell(e.Text)} at {(e.Ms - load.StartedMs) / 1000.0:N1} s | {(recovered.Text is null ? "not within the load" : $"{(recovered.Ms - e.Ms) / 1000.0:N1} s")} | " +
                               $"{Window(load, k - 10, k)} | {Window(load, k, Math.Max(r, k + 1))} | {Window(load, r, r + 10)} |");
        }
        sb.AppendLine();

        sb.AppendLine("## Totals");
        sb.AppendLine();
        var claimsAcked = acks.Count(a => (string?)a["kind"] == "claim");
        var enrolAcked = acks.Where(a => (string?)a["kind"] == "enrolment").ToList();
        sb.AppendLine(inv, $"- Acknowledged: {claimsAcked:N0} claims, {enrolAcked.Count:N0} household enrolments ({enrolAcked.Sum(a => a["persons"]!.AsArray().Count):N0} persons); " +
                           $"{load.Acked["coverage"]:N0} coverage checks answered 200; over {seconds:N0} s: {(claimsAcked + enrolAcked.Count) / seconds:N1} writes/s, {load.Acked["coverage"] / seconds:N1} reads/s.");
        sb.AppendLine(string.Create(inv, $"- Refused with a final 4xx answer: {refused.Count:N0}") +
                           (refused.Count > 0 ? " (" + string.Join(", ", refused.GroupBy(r => $"{r["kind"]} {r["status"]} {r["code"]}").Select(g => $"{g.Key} × {g.Count()}")) + ")" : "") + ".");
        sb.AppendLine(inv, $"- Without a final answer after 60 s of retries: {unresolved.Count:N0}.");
        sb.AppendLine(inv, $"- Register import under load: {(load.Import is null ? "not run" : $"answer {load.Import.Status} after {load.Import.Attempts} attempts, {load.Import.Seconds:N1} s, at {load.Import.AtSecond} s: {Cell(load.Import.Answer)}")}.");
        sb.AppendLine(string.Create(inv, $"- Longest stall a client saw (no answer that ended its request, retries included): {load.LongestStallSeconds:N1} s ") +
                           $"(client {load.Stalls.MaxBy(s => s.Seconds)?.Client}, from {load.Stalls.MaxBy(s => s.Seconds)?.FromSecond:N1} s); per client: " +
                           string.Join(", ", load.Stalls.Select(s => $"{s.Seconds:N1}")) + " s.");
        sb.AppendLine("- Latency of a request including its retries: " + string.Join("; ", load.Latency.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => $"{l.Key} p50 {l.Value.P50Ms:N0} ms, p99 {l.Value.P99Ms:N0} ms, max {l.Value.MaxMs:N0} ms ({l.Value.Count:N0})")) + ".");
        sb.AppendLine(inv, $"- Set-up: {load.InsuredPersons:N0} enrolled persons for claims and coverage; {load.HouseholdsLeft:N0} households left unenrolled at the end; set-up import: {Cell(load.SetupImport)}.");
        sb.AppendLine();

        sb.AppendLine("## Errors seen by clients (every failed attempt, retried ones included)");
        sb.AppendLine();
        if (load.Errors.Count == 0) sb.AppendLine("None.");
        else
        {
            sb.AppendLine("| operation, status, code | attempts | first answers |");
            sb.AppendLine("| --- | --- | --- |");
            foreach (var (key, n) in load.Errors.OrderByDescending(e => e.Value))
                sb.AppendLine(inv, $"| {key} | {n:N0} | {Cell(string.Join(" // ", load.ErrorSamples.GetValueOrDefault(key) ?? []))} |");
        }
        sb.AppendLine();

        sb.AppendLine("## API logs");
        sb.AppendLine();
        foreach (var log in logs) sb.AppendLine(log.Render());
        sb.AppendLine();

        sb.AppendLine("## Timeline (5-second buckets)");
        sb.AppendLine();
        sb.AppendLine("| s | claims/s | enrolments/s | coverage/s | errors/s | events |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
        var length = load.ErrorsPerSecond.Length;
        for (var s = 0; s < length; s += 5)
        {
            var to = Math.Min(length, s + 5);
            double Rate(int[] a) => a[s..to].Sum() / (double)(to - s);
            var here = events.Where(e => Sec(e.Ms) >= s && Sec(e.Ms) < to).Select(e => e.Text);
            sb.AppendLine(inv, $"| {s}–{to} | {Rate(load.PerSecond["claim"]):N1} | {Rate(load.PerSecond["enrolment"]):N1} | {Rate(load.PerSecond["coverage"]):N1} | " +
                               $"{Rate(load.ErrorsPerSecond):N1} | {Cell(string.Join("; ", here))} |");
        }
        sb.AppendLine();
        sb.AppendLine("The acknowledged writes of the run are in acks.jsonl in the run's folder (CLUSTER_DIR, default /var/tmp/coop-cluster), one JSON object a line: " +
                      "claims with their Idempotency-Key and number, enrolments with household, persons, fund year and receipt; refused.jsonl and unresolved.jsonl beside it.");
        return sb.ToString();
    }

    private static string Window(ClusterRunResult load, int from, int to)
    {
        var length = load.ErrorsPerSecond.Length;
        from = Math.Max(0, from);
        to = Math.Min(length, to);
        if (to <= from) return "—";
        var n = (double)(to - from);
        var writes = (load.PerSecond["claim"][from..to].Sum() + load.PerSecond["enrolment"][from..to].Sum()) / n;
        var reads = load.PerSecond["coverage"][from..to].Sum() / n;
        return string.Create(CultureInfo.InvariantCulture, $"{writes:N1}, {reads:N1}, {load.ErrorsPerSecond[from..to].Sum()} ({to - from} s)");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
}

/// <summary>What an API instance's console log says went wrong: its "fail:" entries grouped by category and first exception line.</summary>
internal sealed class ApiLogSummary
{
    public string Path { get; private init; } = "";
    public int Failures { get; private set; }
    public int Warnings { get; private set; }
    public int Deadlocks { get; private set; }
    public Dictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);

    public static ApiLogSummary Read(string path)
    {
        var summary = new ApiLogSummary { Path = path };
        if (!File.Exists(path)) return summary;
        string? header = null;
        string? first = null;
        string? message = null;
        void Close()
        {
            if (header is null) return;
            var key = $"{header}: {first ?? message ?? "(no message)"}";
            summary.Kinds[key] = summary.Kinds.GetValueOrDefault(key) + 1;
            header = null;
            first = null;
            message = null;
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 6 && line[4] == ':' && line[5] == ' ' && !char.IsWhiteSpace(line[0]))
            {
                Close();
                if (line.StartsWith("fail: ", StringComparison.Ordinal))
                {
                    summary.Failures++;
                    header = line[6..].Split('[')[0];
                }
                else if (line.StartsWith("warn: ", StringComparison.Ordinal))
                {
                    summary.Warnings++;
                    header = "warn " + line[6..].Split('[')[0];
                }
                continue;
            }
            if (line.Contains("Deadlock found", StringComparison.Ordinal)) summary.Deadlocks++;
            if (header is not null && message is null && line.Trim().Length > 0)
            {
                var t = line.Trim();
                message = t.Length > 200 ? t[..200] : t;
            }
            if (header is not null && first is null && (line.Contains("Exception:", StringComparison.Ordinal) || line.Contains("WSREP", StringComparison.Ordinal)))
            {
                var t = line.Trim();
                first = t.Length > 200 ? t[..200] : t;
            }
        }
        Close();
        return summary;
    }

    public string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- `{System.IO.Path.GetFileName(Path)}`: {Failures:N0} fail entries, {Warnings:N0} warn entries, {Deadlocks:N0} lines naming a deadlock (MariaDB 1213, how Galera reports a certification failure).");
        foreach (var (kind, n) in Kinds.OrderByDescending(k => k.Value).Take(12))
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - {n:N0} × {kind.Replace("|", "\\|", StringComparison.Ordinal)}");
        return sb.ToString().TrimEnd();
    }
}
