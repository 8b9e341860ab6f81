using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MySqlConnector;

namespace Cooperative.Bench;

/// <summary>
/// The load and the checks of tests/cluster.sh (issue 20), through the API's HAProxy front:
/// <c>cluster load --api URL --db CONN --dir RUNDIR --register API.dll --clients N --seconds S</c> drives a bounded mixed
/// load (facility claims, household enrolments, coverage checks, one register import) and writes every acknowledged
/// write to RUNDIR/acks.jsonl as it is acknowledged; <c>cluster verify ... --nodes P1,P2,P3 --out reports/cluster</c>
/// checks them against the database and the API and writes the report. A request whose outcome is unknown (no answer,
/// 500, 502, 503, 504) is sent again, the same request with the same Idempotency-Key, until it has an answer or a
/// minute has passed.
/// </summary>
public static class ClusterLoad
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(60);
    private static readonly string[] Codes = ["S0002", "S0003", "S0004", "D0001", "D0002"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Options(args);
        return args.FirstOrDefault() switch
        {
            "load" => await LoadAsync(options),
            "verify" => await ClusterVerify.RunAsync(options),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: cluster load|verify --api URL --db CONNECTION --dir RUNDIR [...] (started by tests/cluster.sh)");
        return 2;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The load
    // ------------------------------------------------------------------------------------------------------------

    private static async Task<int> LoadAsync(Options o)
    {
        var dir = o.Dir;
        var seconds = o.Int("--seconds", 100);
        var clients = o.Int("--clients", 12);
        var runId = $"CL{DateTime.UtcNow:HHmmss}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var year = today.Year;
        using var tokenHttp = new HttpClient { BaseAddress = new Uri(o.Api), Timeout = TimeSpan.FromSeconds(30) };
        var window = await TokenAsync(tokenHttp, "grant_type=password&username=window&password=demo-window-2026");
        var facility = await TokenAsync(tokenHttp, "grant_type=client_credentials&client_id=facility-H0001&client_secret=demo-facility-H0001");

        // Set-up (not counted): a second township's register imported, whose households the load enrols; a third's
        // generated, imported during the load.
        var targetsFile = Path.Combine(dir, "register-enrol.csv");
        var importFile = Path.Combine(dir, "register-import.csv");
        await GenerateRegisterAsync(o.Register, "330199102", o.Int("--enrol-households", 700), 7, targetsFile);
        await GenerateRegisterAsync(o.Register, "330199103", o.Int("--import-households", 300), 8, importFile);
        var setupImport = await ImportAsync(o.Api, window, targetsFile, TimeSpan.FromMinutes(2));
        if (setupImport.Status != 200) throw new InvalidOperationException($"set-up import failed: {setupImport.Status} {setupImport.Body}");

        var insured = new List<(string IdNumber, string Name)>();
        var households = new ConcurrentQueue<(Guid Household, List<Guid> Persons)>();
        await using (var connection = new MySqlConnection(o.Db))
        {
            await connection.OpenAsync();
            await using (var cmd = new MySqlCommand("SELECT p.IdNumber, p.Name FROM persons p JOIN enrollments e ON e.PersonId = p.Id AND e.FundYear = @y " +
                                                    "WHERE p.Status = 'Active' ORDER BY p.IdNumber", connection))
            {
                cmd.Parameters.AddWithValue("@y", year);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) insured.Add((reader.GetString(0), reader.GetString(1)));
            }
            await using (var cmd = new MySqlCommand("""
                SELECT m.HouseholdId, m.PersonId FROM memberships m JOIN persons p ON p.Id = m.PersonId
                WHERE m.`To` IS NULL AND p.Status = 'Active'
                  AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.PersonId = m.PersonId AND e.FundYear = @y)
                ORDER BY m.HouseholdId, m.PersonId
                """, connection))
            {
                cmd.Parameters.AddWithValue("@y", year);
                await using var reader = await cmd.ExecuteReaderAsync();
                var rows = new List<(Guid, Guid)>();
                while (await reader.ReadAsync()) rows.Add((reader.GetGuid(0), reader.GetGuid(1)));
                foreach (var g in rows.GroupBy(r => r.Item1).OrderBy(_ => Random.Shared.Next()))
                    households.Enqueue((g.Key, g.Select(r => r.Item2).ToList()));
            }
        }
        if (insured.Count == 0) throw new InvalidOperationException($"no persons enrolled for {year}: was the township loaded?");
        Console.WriteLine($"set-up: {insured.Count:N0} enrolled persons for claims and coverage checks, {households.Count:N0} households to enrol");

        using var state = new LoadState(dir, seconds);
        var claimHttp = Clients(o.Api, facility, clients);
        var windowHttp = Clients(o.Api, window, clients);
        var perPerson = new ConcurrentDictionary<int, int>();
        long sequence = 0;
        // Warm-up (not counted; its writes are real and logged like the others): fresh API processes run unoptimised code
        // for their first seconds, which would otherwise read as a stall at the start of the run.
        var warmUp = TimeSpan.FromSeconds(o.Int("--warm-up", 10));
        state.Start(DateTimeOffset.UtcNow);
        await RunClientsAsync(DateTimeOffset.UtcNow + warmUp);
        Console.WriteLine($"warm-up: {state.ErrorSummary()}");
        var started = DateTimeOffset.UtcNow;
        state.Start(started);
        var startedFile = Path.Combine(dir, "load-started");
        await File.WriteAllTextAsync(startedFile + ".tmp", started.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        File.Move(startedFile + ".tmp", startedFile, overwrite: true);
        var deadline = started + TimeSpan.FromSeconds(seconds);

        // The register import under load, once, at 30 % of the run (idempotent: sent again until it has an answer).
        var importTask = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds * 0.3));
            var t = Stopwatch.StartNew();
            var result = await ImportAsync(o.Api, window, importFile, RetryBudget, state);
            state.Import = new ImportOutcome(result.Status, result.Attempts, t.Elapsed.TotalSeconds, result.Body.Length > 400 ? result.Body[..400] : result.Body,
                state.Second(DateTimeOffset.UtcNow));
            if (result.Status == 200) state.Count("import");
        });

        await RunClientsAsync(deadline);
        await importTask;
        var result = state.Finish(runId, DateTimeOffset.UtcNow, clients, insured.Count, households.Count, setupImport.Body);
        await File.WriteAllTextAsync(Path.Combine(dir, "load.json"), JsonSerializer.Serialize(result, Indented));
        Console.WriteLine($"load: {result.Acked["claim"]:N0} claims and {result.Acked["enrolment"]:N0} enrolments acknowledged, " +
                          $"{result.Acked["coverage"]:N0} coverage checks answered, {result.Unresolved:N0} unresolved, longest stall {result.LongestStallSeconds:N1} s");
        foreach (var (key, n) in result.Errors.OrderByDescending(e => e.Value)) Console.WriteLine($"  error {key} × {n}");
        return 0;

        async Task RunClientsAsync(DateTimeOffset until)
        {
            var workers = Enumerable.Range(0, clients).Select(w => Task.Run(async () =>
            {
                var random = new Random(w * 7919 + (int)(until.ToUnixTimeSeconds() % 100_000));
                var lastProgress = DateTimeOffset.UtcNow;
                while (DateTimeOffset.UtcNow < until)
                {
                    var roll = random.NextDouble();
                    string kind;
                    Outcome outcome;
                    if (roll < 0.12 && households.TryDequeue(out var household))
                    {
                        kind = "enrolment";
                        outcome = await EnrolAsync(windowHttp[w], household.Household, household.Persons, year, state);
                    }
                    else if (roll < 0.55)
                    {
                        kind = "claim";
                        var n = Interlocked.Increment(ref sequence);
                        var index = (int)(n * 7919 % insured.Count);
                        var k = perPerson.AddOrUpdate(index, 0, (_, v) => v + 1);
                        outcome = await ClaimAsync(claimHttp[w], $"{runId}-{n}", insured[index], today.AddDays(-1 - (k % 300)), state);
                    }
                    else
                    {
                        kind = "coverage";
                        var person = insured[random.Next(insured.Count)];
                        outcome = await SendAsync(windowHttp[w], () => new HttpRequestMessage(HttpMethod.Get,
                            $"/api/coverage?idNumber={person.IdNumber}&date={today:yyyy-MM-dd}"), "coverage", state);
                        if (outcome.Status == 200) state.Count("coverage");
                    }
                    var now = DateTimeOffset.UtcNow;
                    state.Latency(kind, outcome.Elapsed.TotalMilliseconds);
                    if (outcome.Answered)
                    {
                        state.Stall(w, lastProgress, now);
                        lastProgress = now;
                    }
                }
                state.Stall(w, lastProgress, DateTimeOffset.UtcNow);
            })).ToArray();
            await Task.WhenAll(workers);
        }
    }

    private static async Task<Outcome> ClaimAsync(HttpClient http, string key, (string IdNumber, string Name) patient, DateOnly visit, LoadState state)
    {
        var bill = new
        {
            idNumber = patient.IdNumber, patientName = patient.Name, visitType = "Outpatient",
            admissionDate = visit.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dischargeDate = visit.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            diagnosisCode = "J06.9", referred = false, invoiceNumber = key,
            lines = Codes.Select((c, k) => new { code = c, quantity = 1m, unitPrice = 20m + k, amount = 20m + k }).ToArray(),
        };
        var body = JsonSerializer.Serialize(bill, Web);
        var outcome = await SendAsync(http, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/claims") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }, "claim", state);
        if (outcome.Status is 200 or 201)
        {
            var number = JsonNode.Parse(outcome.Body)?["number"]?.GetValue<string>();
            state.Ack(new { kind = "claim", key, number, status = outcome.Status, attempts = outcome.Attempts, unknownBefore = outcome.UnknownAttempts, atMs = Now() });
            state.Count("claim");
        }
        else if (outcome.Answered)
            state.Refused(new { kind = "claim", key, status = outcome.Status, code = Code(outcome.Body), attempts = outcome.Attempts, unknownBefore = outcome.UnknownAttempts, atMs = Now() });
        else
            state.Unresolved(new { kind = "claim", key, lastStatus = outcome.Status, attempts = outcome.Attempts, atMs = Now() });
        return outcome;
    }

    private static async Task<Outcome> EnrolAsync(HttpClient http, Guid household, List<Guid> persons, int year, LoadState state)
    {
        var body = JsonSerializer.Serialize(new { fundYear = year, personIds = persons }, Web);
        var outcome = await SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, $"/api/households/{household}/enrollments")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }, "enrolment", state);
        var code = Code(outcome.Body);
        if (outcome.Status == 201)
        {
            var receipt = JsonNode.Parse(outcome.Body)?["number"]?.GetValue<string>();
            state.Ack(new { kind = "enrolment", household, persons, year, receipt, confirmedByRetry = false, attempts = outcome.Attempts, unknownBefore = outcome.UnknownAttempts, atMs = Now() });
            state.Count("enrolment");
        }
        // Nobody else enrols these households: "already enrolled" after an attempt without an answer confirms that attempt.
        else if (outcome.Status == 409 && code == "already_enrolled" && outcome.UnknownAttempts > 0)
        {
            state.Ack(new { kind = "enrolment", household, persons, year, receipt = (string?)null, confirmedByRetry = true, attempts = outcome.Attempts, unknownBefore = outcome.UnknownAttempts, atMs = Now() });
            state.Count("enrolment");
        }
        else if (outcome.Answered)
            state.Refused(new { kind = "enrolment", household, persons, year, status = outcome.Status, code, attempts = outcome.Attempts, unknownBefore = outcome.UnknownAttempts, atMs = Now() });
        else
            state.Unresolved(new { kind = "enrolment", household, persons, year, lastStatus = outcome.Status, attempts = outcome.Attempts, atMs = Now() });
        return outcome;
    }

    /// <summary>
    /// Sends until an answer other than "no answer / 500 / 502 / 503 / 504" comes or the retry budget is spent; every
    /// failed attempt is counted (by operation, status and problem code) in the second it failed.
    /// </summary>
    internal static async Task<Outcome> SendAsync(HttpClient http, Func<HttpRequestMessage> make, string op, LoadState? state)
    {
        var clock = Stopwatch.StartNew();
        int attempts = 0, unknown = 0, status = 0;
        var body = "";
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            attempts++;
            try
            {
                using var request = make();
                using var response = await http.SendAsync(request);
                status = (int)response.StatusCode;
                body = await response.Content.ReadAsStringAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                status = 0;
                body = e.GetType().Name + ": " + e.Message;
            }
            var retriable = status is 0 or 500 or 502 or 503 or 504;
            if (status is < 200 or >= 300 && !(op == "enrolment" && status == 409 && unknown > 0)) state?.Error(op, status, body);
            if (!retriable) return new Outcome(status, body, attempts, unknown, true, clock.Elapsed);
            unknown++;
            if (clock.Elapsed + delay > RetryBudget) return new Outcome(status, body, attempts, unknown, false, clock.Elapsed);
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(1000, delay.TotalMilliseconds * 2));
        }
    }

    private static async Task<Outcome> ImportAsync(string api, string token, string file, TimeSpan budget, LoadState? state = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var bytes = await File.ReadAllBytesAsync(file);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var outcome = await SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, "/api/enrollment/import")
            {
                Content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", Path.GetFileName(file) } },
            }, "import", state);
            if (outcome.Answered || clock.Elapsed > budget) return outcome;
        }
    }

    private static async Task GenerateRegisterAsync(string apiDll, string township, int households, int seed, string file)
    {
        using var gen = Process.Start(new ProcessStartInfo("dotnet", [apiDll, "generate-register", "--township", township, "--households",
            households.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", file])
        { RedirectStandardOutput = true })!;
        await gen.StandardOutput.ReadToEndAsync();
        await gen.WaitForExitAsync();
        if (gen.ExitCode != 0) throw new InvalidOperationException($"generate-register failed ({gen.ExitCode})");
    }

    internal static async Task<string> TokenAsync(HttpClient http, string form)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var response = await http.PostAsync("/connect/token", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (response.IsSuccessStatusCode) return body.GetProperty("access_token").GetString()!;
                if (clock.Elapsed > RetryBudget) throw new InvalidOperationException($"token refused: {(int)response.StatusCode} {body}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && clock.Elapsed < RetryBudget) { }
            await Task.Delay(500);
        }
    }

    internal static HttpClient[] Clients(string api, string token, int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }).ToArray();

    internal static string Code(string body)
    {
        try { return JsonNode.Parse(body)?["code"]?.GetValue<string>() ?? "-"; }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return "-"; }
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}

internal sealed record Outcome(int Status, string Body, int Attempts, int UnknownAttempts, bool Answered, TimeSpan Elapsed);

internal sealed record ImportOutcome(int Status, int Attempts, double Seconds, string Answer, int AtSecond);

/// <summary>What the load left for the checks and the report (RUNDIR/load.json).</summary>
internal sealed record ClusterRunResult(string RunId, long StartedMs, long EndedMs, int Clients, int InsuredPersons, int HouseholdsLeft, string SetupImport,
    Dictionary<string, long> Acked, Dictionary<string, int[]> PerSecond, int[] ErrorsPerSecond, Dictionary<string, int> Errors,
    Dictionary<string, List<string>> ErrorSamples, Dictionary<string, LatencySummary> Latency, List<ClientStall> Stalls,
    double LongestStallSeconds, long Refused, long Unresolved, ImportOutcome? Import);

internal sealed record LatencySummary(int Count, double P50Ms, double P99Ms, double MaxMs);

internal sealed record ClientStall(int Client, double Seconds, double FromSecond);

/// <summary>The load's counters, shared by the clients, and the acknowledged-writes log, written as acknowledgements come.</summary>
internal sealed class LoadState(string dir, int seconds) : IDisposable
{
    private static readonly string[] Kinds = ["claim", "enrolment", "coverage", "import"];
    private readonly Dictionary<string, int[]> _perSecond = Kinds.ToDictionary(k => k, _ => new int[seconds + 130]);
    private readonly int[] _errorsPerSecond = new int[seconds + 130];
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _samples = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, ClientStall> _stalls = new();
    private readonly Lock _write = new();
    private readonly StreamWriter _acks = new(Path.Combine(dir, "acks.jsonl"), append: false) { AutoFlush = true };
    private readonly StreamWriter _refused = new(Path.Combine(dir, "refused.jsonl"), append: false) { AutoFlush = true };
    private readonly StreamWriter _unresolved = new(Path.Combine(dir, "unresolved.jsonl"), append: false) { AutoFlush = true };
    private long _refusedCount, _unresolvedCount;
    private DateTimeOffset _started;

    public ImportOutcome? Import { get; set; }

    /// <summary>Starts counting from now: what was counted before (the warm-up) is dropped, the logs of writes are kept.</summary>
    public void Start(DateTimeOffset at)
    {
        foreach (var counts in _perSecond.Values) Array.Clear(counts);
        Array.Clear(_errorsPerSecond);
        _errors.Clear();
        _samples.Clear();
        _latency.Clear();
        _stalls.Clear();
        _started = at;
    }

    public string ErrorSummary() => _errors.IsEmpty ? "no errors" : string.Join(", ", _errors.Select(e => $"{e.Key} × {e.Value}"));

    public int Second(DateTimeOffset at) => Math.Clamp((int)(at - _started).TotalSeconds, 0, _errorsPerSecond.Length - 1);

    public void Count(string kind) => Interlocked.Increment(ref _perSecond[kind][Second(DateTimeOffset.UtcNow)]);

    public void Error(string op, int status, string body)
    {
        Interlocked.Increment(ref _errorsPerSecond[Second(DateTimeOffset.UtcNow)]);
        var key = $"{op} {(status == 0 ? "no-answer" : status.ToString(CultureInfo.InvariantCulture))} {(status == 0 ? body.Split(':')[0] : ClusterLoad.Code(body))}";
        _errors.AddOrUpdate(key, 1, (_, n) => n + 1);
        var samples = _samples.GetOrAdd(key, _ => new ConcurrentQueue<string>());
        if (samples.Count < 2) samples.Enqueue(body.Length > 500 ? body[..500] : body);
    }

    public void Latency(string kind, double ms) => _latency.GetOrAdd(kind, _ => []).Add(ms);

    public void Stall(int client, DateTimeOffset from, DateTimeOffset to)
    {
        var stall = new ClientStall(client, Math.Round((to - from).TotalSeconds, 2), Math.Round((from - _started).TotalSeconds, 1));
        _stalls.AddOrUpdate(client, stall, (_, old) => stall.Seconds > old.Seconds ? stall : old);
    }

    public void Ack(object line) => Write(_acks, line);

    public void Refused(object line)
    {
        Interlocked.Increment(ref _refusedCount);
        Write(_refused, line);
    }

    public void Unresolved(object line)
    {
        Interlocked.Increment(ref _unresolvedCount);
        Write(_unresolved, line);
    }

    private void Write(StreamWriter writer, object line)
    {
        var text = JsonSerializer.Serialize(line);
        lock (_write) writer.WriteLine(text);
    }

    public void Dispose()
    {
        lock (_write)
        {
            _acks.Dispose();
            _refused.Dispose();
            _unresolved.Dispose();
        }
    }

    public ClusterRunResult Finish(string runId, DateTimeOffset ended, int clients, int insured, int householdsLeft, string setupImport)
    {
        Dispose();
        var used = Second(ended) + 1;
        var stalls = _stalls.Values.OrderBy(s => s.Client).ToList();
        return new ClusterRunResult(runId, _started.ToUnixTimeMilliseconds(), ended.ToUnixTimeMilliseconds(), clients, insured, householdsLeft, setupImport,
            _perSecond.ToDictionary(p => p.Key, p => (long)p.Value.Sum()),
            _perSecond.ToDictionary(p => p.Key, p => p.Value[..used]), _errorsPerSecond[..used],
            new Dictionary<string, int>(_errors), _samples.ToDictionary(s => s.Key, s => s.Value.ToList()),
            _latency.ToDictionary(l => l.Key, l =>
            {
                var sorted = l.Value.Order().ToArray();
                return new LatencySummary(sorted.Length, Math.Round(Load.Percentile(sorted, 0.5), 1), Math.Round(Load.Percentile(sorted, 0.99), 1),
                    Math.Round(sorted.LastOrDefault(), 1));
            }),
            stalls, stalls.Count == 0 ? 0 : stalls.Max(s => s.Seconds), _refusedCount, _unresolvedCount, Import);
    }
}

internal sealed class Options(string[] args)
{
    public string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
    public int Int(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
    public string Api => Arg("--api", "http://127.0.0.1:23310");
    public string Db => Arg("--db", "");
    public string Dir => Arg("--dir", "/var/tmp/coop-cluster");
    public string Register => Arg("--register", "");
}
