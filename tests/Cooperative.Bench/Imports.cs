using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Cooperative.Bench;

/// <summary>One township's register: imported over HTTP, then the same rows bulk-copied by the database alone (<see cref="ImportCeiling"/>).</summary>
public sealed record ImportRun(string Township, int Persons, double ImportPerSecond, double CeilingPerSecond)
{
    public double Ratio => ImportPerSecond / CeilingPerSecond;
}

/// <summary>
/// The enrolment import scenario: five townships' registers of ~100,000 persons each over HTTP, all-or-nothing,
/// into a database that grows to ~500,000 persons (townships draw ID numbers from blocks of their own, so the files
/// never overlap); after each file, its rows into the ceiling's copies of the tables.
/// </summary>
public static class Imports
{
    public static readonly string[] Townships = ["330199102", "330199103", "330199104", "330199105", "330199106"];

    public static async Task<List<ImportRun>> RunAsync(HttpClient http, string token, string registerDll, string db, DateOnly today)
    {
        var ceiling = new ImportCeiling(db);
        await ceiling.PrepareAsync();
        var runs = new List<ImportRun>();
        try
        {
            for (var run = 0; run < Townships.Length; run++)
            {
                var file = Path.Combine(Path.GetTempPath(), $"bench-register-{run}.csv");
                var gen = Process.Start(new ProcessStartInfo("dotnet", [registerDll, "generate-register", "--township", Townships[run], "--households", "29000",
                    "--seed", (run + 1).ToString(CultureInfo.InvariantCulture), "--out", file]) { RedirectStandardOutput = true })!;
                var genOut = await gen.StandardOutput.ReadToEndAsync();
                await gen.WaitForExitAsync();
                var persons = int.Parse(genOut.Split(' ')[^2], CultureInfo.InvariantCulture);
                using var content = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", $"register-{run}.csv" } };
                var started = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/enrollment/import") { Content = content };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var response = await http.SendAsync(request);
                var elapsed = started.Elapsed.TotalSeconds;
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"import failed: {await response.Content.ReadAsStringAsync()}");
                var (copied, seconds) = await ceiling.CopyAsync(file, today);
                if (copied != persons) throw new InvalidOperationException($"{file}: {copied} persons copied, the generator wrote {persons}");
                runs.Add(new ImportRun(Townships[run], persons, persons / elapsed, copied / seconds));
                Console.WriteLine($"  {persons:N0} persons in {elapsed:N2} s over HTTP; bulk copy into the indexed copies {seconds:N2} s");
            }
        }
        finally
        {
            await ceiling.DropAsync();
        }
        return runs;
    }
}
