using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cooperative.Bench;
using static Cooperative.Bench.BenchHttp;
using MySqlConnector;

if (args.FirstOrDefault() == "cluster") return await ClusterLoad.RunAsync(args[1..]); // tests/cluster.sh: see ClusterLoad.cs
// dotnet run --project tests/Cooperative.Bench -- --api http://127.0.0.1:5090 --db "<connection string>" --api-pid PID --db-pid PID --out reports/bench
// Started by tests/bench.sh, which starts MariaDB (durable) and the API as its own process first.
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var api = Arg("--api", "http://127.0.0.1:5090");
var db = Arg("--db", "");
var apiPid = int.Parse(Arg("--api-pid", "0"), CultureInfo.InvariantCulture);
// mariadbd's pid (tests/bench.sh passes the pid file's); without it, the mariadbd listening on the connection string's port.
var dbPid = int.Parse(Arg("--db-pid", "0"), CultureInfo.InvariantCulture) is > 0 and var given ? given
    : CpuWatch.FindDatabasePid(null, (int)new MySqlConnectionStringBuilder(db).Port);
var cpu = new CpuWatch(apiPid, dbPid);
// The memory scenarios run against a second API process that has served nothing else (see tests/bench.sh).
var quietApi = Arg("--quiet-api", api);
var quietPid = int.Parse(Arg("--quiet-pid", apiPid.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
var outDir = Arg("--out", "reports/bench");
var register = Arg("--register", "");
var apiLog = Arg("--api-log", ""); // the main API process's log, for what a refused request's 500 does not say
var runs = int.Parse(Arg("--runs", "3"), CultureInfo.InvariantCulture);
var seconds = TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "10"), CultureInfo.InvariantCulture));
// Load scenarios first run this long uncounted: a fresh process runs instrumented code until tiered PGO has recompiled it.
var warmUp = TimeSpan.FromSeconds(double.Parse(Arg("--warm-up", "30"), CultureInfo.InvariantCulture));
var report = new Report();

using var http = new HttpClient { BaseAddress = new Uri(api), Timeout = TimeSpan.FromMinutes(10) };
var admin = await Token(http, "grant_type=password&username=admin&password=demo-admin-2026");
var window = await Token(http, "grant_type=password&username=window&password=demo-window-2026");
var facility = await Token(http, "grant_type=client_credentials&client_id=facility-H0001&client_secret=demo-facility-H0001");
// Tokens name their issuer (the address they came from): the quiet process gets its own.
using var quietHttp = new HttpClient { BaseAddress = new Uri(quietApi), Timeout = TimeSpan.FromMinutes(1) };
var quietAdmin = await Token(quietHttp, "grant_type=password&username=admin&password=demo-admin-2026");
var adminClient = Clients(api, admin, 1)[0];
adminClient.Timeout = TimeSpan.FromMinutes(5);

var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
var codes = new[] { "S0002", "S0003", "S0004", "S0005", "S0006", "S0007", "S0008", "S0013", "D0001", "D0002", "D0003", "D0004", "D0005", "D0006", "D0007", "D0009", "D0011", "D0012", "M0001", "M0002" };
long claimSeq = 0;
var claimFailures = new Failures(); // every claim refused in the run, by status and code (for the report)
var claimPrefix = $"BENCH-{DateTime.UtcNow:HHmmss}";

// Probe: one load scenario against the database as it is (after a full run), for profiling:
//   --probe coverage|coverage1|claims|claims-raw|pk [--seconds N]
var probe = Arg("--probe", "");
if (probe != "")
{
    var probeIds = await EnrolledIdsAsync();
    claimSeq = long.Parse(Arg("--offset", Random.Shared.Next(probeIds.Count).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture); // by default a fresh stretch of persons
    var result = probe switch
    {
        "coverage" => await CoverageLoad(probeIds, 32),
        "coverage1" => await CoverageLoad(probeIds, 1),
        "claims" => await ClaimLoad(probeIds, 0, probeIds.Count),
        "claims-raw" => await RawClaimsProbeAsync(),
        "pk" => await Ceilings.PrimaryKeySelectsAsync(db, 32, seconds, cpu),
        _ => throw new ArgumentException($"unknown probe {probe}"),
    };
    Console.WriteLine($"{probe}: {result}");
    if (result.Cpu is { } used)
        Console.WriteLine($"  CPU ms/op: API {used.ApiMs / result.Succeeded:0.00}, MariaDB {used.DbMs / result.Succeeded:0.00}, " +
                          $"load generator {used.SelfMs / result.Succeeded:0.00}, machine {used.MachineBusyMs / result.Succeeded:0.00} ({used.MachineBusyShare:P0} busy)");
    return 0;
}

// Information: how many durable commits the disk takes (the claim ceiling below writes the claim itself).
Console.WriteLine("single-row commits...");
var commits = Load.Median(await Repeat(runs, () => Ceilings.SingleRowCommitsAsync(db, 32, TimeSpan.FromSeconds(5))));
report.Ceiling("information: MySqlConnector single-row INSERT, one durable commit each, 32 connections", commits.ToString());

// Enrollment import: five townships' registers over HTTP, each then bulk-copied by the database alone (see Imports).
Console.WriteLine("import...");
var imports = await Imports.RunAsync(http, window, register, db, today);
string Each(IEnumerable<double> values) => string.Join(", ", values.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
var importRate = imports.Select(i => i.ImportPerSecond).Order().ElementAt(imports.Count / 2);
var bulkRate = imports.Select(i => i.CeilingPerSecond).Order().ElementAt(imports.Count / 2);
var importRatio = imports.Select(i => i.Ratio).Order().ElementAt(imports.Count / 2);
var ratios = string.Join(", ", imports.Select(i => i.Ratio.ToString("0.00", CultureInfo.InvariantCulture)));
report.Ceiling("MySqlBulkCopy of each register's persons, households and memberships, one transaction, into copies of the real tables (`CREATE TABLE … LIKE`: same indexes) growing with them",
    $"median {bulkRate:N0} persons/s (each: {Each(imports.Select(i => i.CeilingPerSecond))})");
report.Figure($"enrollment import over HTTP, a file of ~100,000 persons (median of {imports.Count} townships, the database growing to ~500,000)",
    $"{importRate:N0} persons/s (each: {Each(imports.Select(i => i.ImportPerSecond))})", $"bulk copy {bulkRate:N0} persons/s",
    importRatio, $"≥ 0.7 of bulk copy into the same indexed tables (issue 21; ratio: median of the files' {ratios})", importRatio >= 0.7);

// Prepare cover for the imported persons: every household of the register paid for this year (bench set-up, by SQL).
await Ceilings.ExecAsync(db, $"""
    INSERT INTO receipts (Id, Number, FundYear, HouseholdId, IssuedOn, PersonCount, IndividualAmount, CivilAffairsAmount, PolicyVersion, JournalEntryId, IssuedBy, IssuedUtc)
    SELECT UUID(), 'BENCH-{today.Year}', {today.Year}, (SELECT Id FROM households LIMIT 1), '{today.Year}-01-02', 0, 0, 0, 1, NULL, 'bench', NOW(6);
    INSERT INTO enrollments (Id, PersonId, FundYear, HouseholdId, EnrolledOn, ReceiptId, PaidBy, Contribution, PolicyVersion)
    SELECT UUID(), m.PersonId, {today.Year}, m.HouseholdId, '{today.Year}-01-02', (SELECT Id FROM receipts WHERE Number = 'BENCH-{today.Year}'), 'Individual', 150, 1
    FROM memberships m WHERE m.`To` IS NULL AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.PersonId = m.PersonId AND e.FundYear = {today.Year});
    UPDATE receipts r SET r.PersonCount = (SELECT COUNT(*) FROM enrollments e WHERE e.ReceiptId = r.Id),
      r.IndividualAmount = (SELECT COALESCE(SUM(e.Contribution), 0) FROM enrollments e WHERE e.ReceiptId = r.Id)
    WHERE r.Number = 'BENCH-{today.Year}';
    """);

// The books opened through the API as a county starting on the system does (admin, once, before every other entry):
// the fund's bank account and the pooled fund it holds on the first day of the year the bench's books cover.
var booksYear = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).Year;
const decimal openingBank = 20_000_000m;
using (var opening = new HttpRequestMessage(HttpMethod.Post, "/api/ledger/opening")
{
    Content = JsonContent.Create(new
    {
        date = $"{booksYear}-01-01", description = "建账（基准数据）",
        lines = new[] { new { accountCode = "1001", debit = openingBank, credit = 0m }, new { accountCode = "3001", debit = 0m, credit = openingBank } },
    }),
})
{
    opening.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
    opening.Headers.Add("Idempotency-Key", $"bench-opening-{booksYear}");
    var opened = await http.SendAsync(opening);
    if (opened.StatusCode != System.Net.HttpStatusCode.Created) throw new InvalidOperationException($"opening the books failed: {(int)opened.StatusCode} {await opened.Content.ReadAsStringAsync()}");
}
// The bench receipt's contributions into the bank, as a receipt posts them (Dr 1001 / Cr 4001.01, source the receipt).
await using (var books = new MySqlConnection(db))
{
    await books.OpenAsync();
    var contributions = await Ceilings.ScalarAsync(db, $"SELECT CAST(IndividualAmount AS SIGNED) FROM receipts WHERE Number = 'BENCH-{today.Year}'");
    var receiptEntry = await Books.PostAsync(books, new DateOnly(today.Year, 1, 2), $"参合缴费（基准数据）{today.Year}年度", "receipt", $"BENCH-{today.Year}",
        [new Books.Line("1001", contributions, 0m), new Books.Line("4001.01", 0m, contributions)]);
    await Ceilings.ExecAsync(db, $"UPDATE receipts SET JournalEntryId = '{receiptEntry}' WHERE Number = 'BENCH-{today.Year}'");
}
var ids = await EnrolledIdsAsync();
report.Note($"{ids.Count:N0} enrolled persons in the database for the coverage and claim scenarios.");

// Coverage check over HTTP, 32 clients, each run right after the primary-key SELECT ceiling's run on the same database.
Console.WriteLine("coverage...");
await CoverageLoad(ids, 32, warmUp); // not counted: the JIT's tiers settle first
// The ceilings' own code in this process warms up too (uncounted), at most 5 s.
var ceilingWarmUp = TimeSpan.FromSeconds(Math.Min(5, warmUp.TotalSeconds));
await Ceilings.PrimaryKeySelectsAsync(db, 32, ceilingWarmUp);
var selectRuns = new List<LoadResult>();
var coverageRuns = new List<LoadResult>();
for (var run = 0; run < runs; run++)
{
    selectRuns.Add(await Ceilings.PrimaryKeySelectsAsync(db, 32, seconds, cpu));
    coverageRuns.Add(await CoverageLoad(ids, 32, cpu: cpu));
    Console.WriteLine($"  PK SELECT {selectRuns[^1]}; coverage {coverageRuns[^1]}");
}
var selects = Load.Median(selectRuns);
var coverage = Load.Median(coverageRuns);
var coverageOne = Load.Median(await Repeat(runs, () => CoverageLoad(ids, 1, cpu: cpu)));
var coverageQuery = await Ceilings.CoverageQueryAsync(db, ids.Select(i => i.IdNumber).ToList(), 32, seconds, cpu);
report.Ceiling("MySqlConnector primary-key SELECT of a 100,000-row table, 32 connections (each run just before a coverage run)", selects.ToString());
report.Ceiling("information: the coverage check's own query by hand (person by ID number, unique index, with enrolments and card; one statement), 32 connections, one run",
    coverageQuery.ToString());
report.Figure("coverage check over HTTP, 32 clients", coverage.ToString(), $"PK SELECT {selects.PerSecond:N0}/s",
    coverage.PerSecond / selects.PerSecond, "≥ 0.5 of the PK SELECT ceiling (issues 9, 21)", coverage.PerSecond / selects.PerSecond >= 0.5);
report.Figure($"coverage check over HTTP, one client at a time ({ids.Count:N0} enrolled persons)", coverageOne.ToString(), "—", null,
    "median < 5 ms (issue 3)", coverageOne.P50Ms < 5);

// Claim settlement over HTTP, 20 lines, 32 clients: each claim a different person and invoice. Each counted run comes right
// after a run of the same claim's writes by raw SQL (ClaimCeiling) on the same database, for other persons.
Console.WriteLine("claims...");
await ClaimLoad(ids, 9, ids.Count / (runs + 1), warmUp); // not counted: the JIT's tiers settle first
using var ceiling = await ClaimCeilingAsync();
await ceiling.RunAsync(32, ceilingWarmUp, null); // not counted
var rawRuns = new List<LoadResult>();
var claimRuns = new List<LoadResult>();
var seals = new List<(long Records, double Seconds)>();
for (var run = 0; run < runs; run++)
{
    await SealAsync(); // what the runs before left unsealed, so that the API's sealer is idle when the raw run takes its lease
    rawRuns.Add(await ceiling.RunAsync(32, seconds, cpu));
    // The raw claims' audit records sealed now (the API's sealer was kept off during the raw run), not during the HTTP run.
    seals.Add(await SealAsync());
    claimRuns.Add(await ClaimLoad(ids, run, ids.Count / runs, cpu: cpu));
    Console.WriteLine($"  raw SQL {rawRuns[^1]} ({seals[^1].Records:N0} audit records sealed after it in {seals[^1].Seconds:N1} s); HTTP {claimRuns[^1]}");
}
var raw = Load.Median(rawRuns);
var claims = Load.Median(claimRuns);
report.Ceiling($"a settled 20-line claim's writes by raw SQL, 32 connections, each claim another person (each run just before a claim run): " +
    $"{ceiling.StatementsPerClaim} statements in 2 round trips a claim ({ceiling.RowsPerClaim}), numbers in blocks of {ClaimCeiling.NumberBlock}", raw.ToString());
report.Figure("claim settlement over HTTP, 20 lines, 32 clients", claims.ToString(), $"raw-SQL claims {raw.PerSecond:N0}/s",
    claims.PerSecond / raw.PerSecond, "≥ 0.5 of the raw-SQL claim ceiling and p99 < 100 ms (issues 6, 21)",
    claims.PerSecond / raw.PerSecond >= 0.5 && claims.P99Ms < 100);
report.Cpu("coverage over HTTP, 32 clients", coverage);
report.Cpu("coverage over HTTP, 1 client", coverageOne);
report.Cpu("PK SELECT ceiling, 32 connections", selects);
report.Cpu("coverage query by hand, 32 connections", coverageQuery);
report.Cpu("claims over HTTP, 32 clients", claims);
report.Cpu("raw-SQL claim ceiling, 32 connections", raw);
if (apiLog != "" && File.Exists(apiLog))
{
    var retries = ApiLog.ConflictRetries(apiLog);
    Console.WriteLine($"  API log: {retries:N0} writes retried after a lost conflict");
    report.Note($"The main API's log up to the end of the claim scenario: {retries:N0} writes lost a conflict in the database (MariaDB 1213) " +
        "and were tried again by the endpoints' conflict retry (logged at Information by Cooperative.Api.Infrastructure.ConflictRetry).");
}
report.Note($"The API's audit sealer was kept off during the raw-SQL claim runs (the bench held its lease); after each, POST /api/audit/seal sealed the records left unsealed, " +
    $"{string.Join(", ", seals.Select(s => $"{s.Records:N0} records in {s.Seconds:N1} s ({s.Records / s.Seconds:N0}/s)"))}, before the HTTP claim run. " +
    $"Each raw-SQL claim writes {ceiling.AuditRecordsPerClaim} audit records, as the template claim's request did.");
if (rawRuns.Any(r => r.Failures > 0))
    report.Note($"Raw-SQL claims that failed (rolled back), all runs: {rawRuns.Sum(r => r.Failures):N0}.");

// The monthly disclosure of a county's month: 6,000 inpatient stays and 150,000 outpatient visits (claims by SQL, see
// DisclosureMonth), prepared over HTTP several times (a draft may be prepared again), then published and served.
Console.WriteLine("disclosure...");
var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
var monthText = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
await DisclosureMonth.FillAsync(db, lastMonth, 6_000, 150_000);
var disclosureAdmin = Clients(quietApi, quietAdmin, 1)[0];
disclosureAdmin.Timeout = TimeSpan.FromMinutes(5);
var prepares = new List<(double Seconds, double PeakMb, double BaseMb)>();
for (var run = 0; run < runs; run++)
{
    var baseMb = MemoryWatch.CurrentMb(quietPid);
    await using var memory = new MemoryWatch(quietPid);
    var started = Stopwatch.StartNew();
    var prepared = await disclosureAdmin.PostAsync($"/api/disclosures/{monthText}/prepare", null);
    var elapsed = started.Elapsed.TotalSeconds;
    if (!prepared.IsSuccessStatusCode) throw new InvalidOperationException($"prepare failed: {await prepared.Content.ReadAsStringAsync()}");
    prepares.Add((elapsed, memory.PeakMb, baseMb));
    Console.WriteLine($"  prepared in {elapsed:N2} s, quiet API RSS {baseMb:N0} → peak {memory.PeakMb:N0} MB");
}
var prepare = prepares.OrderBy(p => p.Seconds).ElementAt(runs / 2);
var preparePeak = prepares.Max(p => p.PeakMb);
report.Figure($"monthly disclosure prepared over HTTP ({monthText}: 6,000 inpatient rows, 150,000 outpatient visits aggregated)",
    $"{prepare.Seconds:N2} s, quiet API process peak RSS {preparePeak:N0} MB (before: {prepares.Min(p => p.BaseMb):N0} MB)", "—", null,
    "< 10 s, < 300 MB (issues 8, 9)", prepare.Seconds < 10 && preparePeak < 300);
(await disclosureAdmin.PostAsJsonAsync($"/api/disclosures/{monthText}/review", new { note = "bench" })).EnsureSuccessStatusCode();
(await disclosureAdmin.PostAsync($"/api/disclosures/{monthText}/publish", null)).EnsureSuccessStatusCode();
using var publicClient = new HttpClient { BaseAddress = new Uri(api) };
var serving = new List<double>();
long servedBytes = 0;
for (var i = 0; i < 200; i++)
{
    var started = Stopwatch.StartNew();
    var body = await publicClient.GetByteArrayAsync($"/api/public/disclosures/{monthText}");
    serving.Add(started.Elapsed.TotalMilliseconds);
    servedBytes = body.Length;
}
serving.Sort();
report.Figure($"published month served to the public (JSON, {servedBytes / 1024.0 / 1024.0:N1} MB, 200 requests, one client)",
    $"p50 {serving[100]:N1} ms, p99 {serving[197]:N1} ms", "—", null, "median < 20 ms (issue 8)", serving[100] < 20);

// The books at a million journal lines: balanced entries bulk-loaded to reach 1,000,000 lines (bench set-up), then the API reads them.
Console.WriteLine("journal to 1,000,000 lines...");
var existing = await Ceilings.ScalarAsync(db, "SELECT COUNT(*) FROM journal_lines");
var filling = Stopwatch.StartNew();
await Journal.FillAsync(db, 1_000_000 - existing, today);
Console.WriteLine($"  {1_000_000 - existing:N0} lines added in {filling.Elapsed.TotalSeconds:N1} s");
var lines = await Ceilings.ScalarAsync(db, "SELECT COUNT(*) FROM journal_lines");
var (entryCount, wrongEntries) = await Books.CheckAsync(db);
if (wrongEntries > 0) throw new InvalidOperationException($"{wrongEntries} of {entryCount} journal entries do not balance or do not have their LineCount of lines");
report.Note($"The books: {entryCount:N0} entries and {lines:N0} lines; every entry has exactly its LineCount of lines, balances, and its lines carry its date and period (checked by SQL after the fill). " +
    $"Of them {existing:N0} lines were there before the fill (the opening entry, the bench receipt, the claims settled over HTTP and by the raw-SQL ceiling, and the disclosure month's settlements).");
var trial = new List<double>();
for (var run = 0; run < Math.Max(runs, 5); run++)
{
    var started = Stopwatch.StartNew();
    var response = await adminClient.GetAsync($"/api/ledger/trial-balance?date={today:yyyy-MM-dd}");
    trial.Add(started.Elapsed.TotalMilliseconds);
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    if (!body.GetProperty("balanced").GetBoolean()) throw new InvalidOperationException("the trial balance does not balance");
}
var trialMs = trial.Order().ElementAt(trial.Count / 2);
report.Figure($"trial balance over HTTP, {lines:N0} journal lines (no closed month: every line summed)", $"{trialMs:N0} ms", "—", null, "< 1 s (issues 7, 9)", trialMs < 1000);

Console.WriteLine("journal export...");
var exportClient = Clients(quietApi, quietAdmin, 1)[0];
exportClient.Timeout = TimeSpan.FromMinutes(5);
var exports = new List<(double Rate, double PeakMb)>();
var exportBaseMb = MemoryWatch.CurrentMb(quietPid);
for (var run = 0; run < runs; run++)
{
    await using var memory = new MemoryWatch(quietPid);
    var started = Stopwatch.StartNew();
    using var response = await exportClient.GetAsync($"/api/ledger/journal.csv?year={today.Year}", HttpCompletionOption.ResponseHeadersRead);
    await using var stream = await response.Content.ReadAsStreamAsync();
    var buffer = new byte[1 << 16];
    long newlines = 0;
    int read;
    while ((read = await stream.ReadAsync(buffer)) > 0) newlines += buffer.AsSpan(0, read).Count((byte)'\n');
    exports.Add(((newlines - 1) / started.Elapsed.TotalSeconds, memory.PeakMb));
}
var export = exports.OrderBy(e => e.Rate).ElementAt(runs / 2);
report.Figure($"audit journal export (CSV, streamed), {lines:N0} lines", $"{export.Rate:N0} lines/s, quiet API process peak RSS {exports.Max(e => e.PeakMb):N0} MB (before: {exportBaseMb:N0} MB)",
    "—", null, "≥ 50,000 lines/s, < 300 MB (issue 7)", export.Rate >= 50_000 && exports.Max(e => e.PeakMb) < 300);

Console.WriteLine("audit chain...");
(await adminClient.PostAsync("/api/audit/seal", null)).EnsureSuccessStatusCode();
var verify = await (await adminClient.GetAsync("/api/audit/verify")).Content.ReadFromJsonAsync<JsonElement>();
var verified = verify.GetProperty("verified").GetInt64();
var intact = verify.GetProperty("intact").GetBoolean();
var broken = !intact && verify.TryGetProperty("firstBroken", out var firstBroken) && firstBroken.ValueKind == JsonValueKind.Object
    ? $"; first broken: {firstBroken.GetProperty("reason").GetString()}" : "";
report.Figure("audit-chain verification", $"{verified / verify.GetProperty("seconds").GetDouble():N0} records/s ({verified:N0} records, intact: {intact}{broken})",
    "—", null, "report", null);

report.Note("Disclosure and journal-export memory is the peak RSS of a second API process on the same database that " +
    "served only those scenarios (three preparations, then three exports).");
if (claimFailures.Count > 0) report.Note($"Claims refused in the claim scenario (warm-up included): {claimFailures}.");
report.Note("Set-up: the books opened over HTTP (POST /api/ledger/opening, 1001 / 3001); by SQL, submitted or posted by \"bench\": enrolments of the " +
    "imported register under one receipt BENCH-yyyy with its contributions entry (Dr 1001 / Cr 4001.01), the disclosure month's 156,000 settled " +
    "claims (claim numbers from the claim sequence, bill keys, patient names, Version 1 and history, enrolment usage, each with its settlement entry) " +
    "and two-line entries of the direct-settlement shape (source ids BENCH-n, no claim behind them) up to 1,000,000 lines, all numbered " +
    "from the journal sequence with their LineCount and lines inserted after their entries as the guard trigger permits " +
    "(settling them one by one through the API would outlast the run). The raw-SQL claim ceiling's claims stay in the database too: copies of a " +
    "template claim settled over HTTP (invoices RAW…, submitted by the template's facility, with its entries, history and audit records).");
Directory.CreateDirectory(outDir);
var path = Path.Combine(outDir, $"{DateTime.UtcNow:yyyy-MM-dd-HHmm}.md");
await File.WriteAllTextAsync(path, report.Render(runs, seconds));
Console.WriteLine(await File.ReadAllTextAsync(path));
return 0;

// The enrolled persons: ID number and registered name (a bill names its patient; a name not the person's is refused).
async Task<List<Insured>> EnrolledIdsAsync()
{
    var list = new List<Insured>();
    await using var connection = new MySqlConnection(db);
    await connection.OpenAsync();
    await using var cmd = new MySqlCommand($"SELECT p.IdNumber, p.Name FROM persons p JOIN enrollments e ON e.PersonId = p.Id AND e.FundYear = {today.Year} ORDER BY p.IdNumber", connection);
    await using var reader = await cmd.ExecuteReaderAsync();
    while (await reader.ReadAsync()) list.Add(new Insured(reader.GetString(0), reader.GetString(1)));
    return list;
}

Task<LoadResult> CoverageLoad(List<Insured> ids, int workers, TimeSpan? duration = null, CpuWatch? cpu = null)
{
    var clients = Clients(api, window, workers);
    return Load.RunAsync(workers, duration ?? seconds, 1_000_000, async (w, n) =>
        (await clients[w].GetAsync($"/api/coverage?idNumber={ids[(int)(n * 7919 % ids.Count)].IdNumber}&date={today:yyyy-MM-dd}")).IsSuccessStatusCode, cpu);
}

// Every audit record not yet sealed, sealed now through the API (its background sealer may take part): how many, in how long.
async Task<(long Records, double Seconds)> SealAsync()
{
    var pending = await Ceilings.ScalarAsync(db, "SELECT COUNT(*) FROM audit_records WHERE Seq IS NULL");
    var sealing = Stopwatch.StartNew();
    using var response = await adminClient.PostAsync("/api/audit/seal", null);
    response.EnsureSuccessStatusCode();
    return (pending, sealing.Elapsed.TotalSeconds);
}

// A facility's bill of 20 lines for a patient, discharged today after five days.
HttpRequestMessage ClaimRequest(Insured patient, string invoice, string idempotencyKey)
{
    var bill = new
    {
        idNumber = patient.IdNumber, patientName = patient.Name, visitType = "Inpatient", admissionDate = today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        dischargeDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), diagnosisCode = "K35.8", referred = true,
        invoiceNumber = invoice, lines = codes.Select((c, k) => new { code = c, quantity = 1m, unitPrice = 50m + k, amount = 50m + k }).ToArray(),
    };
    var request = new HttpRequestMessage(HttpMethod.Post, "/api/claims") { Content = JsonContent.Create(bill) };
    request.Headers.Add("Idempotency-Key", idempotencyKey);
    return request;
}

async Task<LoadResult> ClaimLoad(List<Insured> ids, int run, int maxClaims, TimeSpan? duration = null, CpuWatch? cpu = null)
{
    var clients = Clients(api, facility, 32);
    var failures = new Failures();
    var result = await Load.RunAsync(32, duration ?? seconds, maxClaims, async (w, n) =>
    {
        var i = Interlocked.Increment(ref claimSeq);
        using var request = ClaimRequest(ids[(int)(i % ids.Count)], $"{claimPrefix}-{run}-{i}", $"{claimPrefix}-{run}-{i}");
        using var response = await clients[w].SendAsync(request);
        if (response.StatusCode == System.Net.HttpStatusCode.Created) return true;
        failures.Add((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        return false;
    }, cpu);
    failures.Print("claims");
    claimFailures.Merge(failures);
    return result;
}

async Task<LoadResult> RawClaimsProbeAsync()
{
    using var ceiling = await ClaimCeilingAsync();
    return await ceiling.RunAsync(32, seconds, cpu);
}

// The raw-SQL claim ceiling: a template claim settled over HTTP for a person without usage, copied by SQL for others (see ClaimCeiling).
async Task<ClaimCeiling> ClaimCeilingAsync()
{
    var fresh = await ClaimCeiling.FreshPersonsAsync(db, today.Year, 200_000);
    if (fresh.Count < 2) throw new InvalidOperationException("no enrolled persons without usage left for the raw-SQL claim ceiling");
    var correlation = $"bench-template-{claimPrefix}";
    using var request = ClaimRequest(new Insured(fresh[0].IdNumber, fresh[0].Name), $"{claimPrefix}-TPL", $"TPLKEY-{claimPrefix}");
    request.Headers.Add("X-Correlation-Id", correlation);
    using var client = Clients(api, facility, 1)[0];
    using var response = await client.SendAsync(request);
    var body = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != System.Net.HttpStatusCode.Created) throw new InvalidOperationException($"template claim refused: {(int)response.StatusCode} {body}");
    var number = JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
    return await ClaimCeiling.CreateAsync(db, number, correlation, fresh[1..], claimPrefix.Replace("BENCH", "", StringComparison.Ordinal));
}

internal sealed record Insured(string IdNumber, string Name);
