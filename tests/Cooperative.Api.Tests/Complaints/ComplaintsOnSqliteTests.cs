using System.Net;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Complaints.ComplaintCalls;

namespace Cooperative.Api.Tests.Complaints;

/// <summary>The embedded default: numbers, date comparisons of the flag filters and handling on SQLite.</summary>
public sealed class ComplaintsOnSqliteTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coop-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task On_sqlite_complaints_are_numbered_flagged_and_handled()
    {
        var clock = FixedClock.At(2026, 11, 20);
        await using var app = CooperativeApp.StartSqlite(_file, clock: clock);
        var (first, code) = await app.CreateClient().FileOkAsync();
        var (second, _) = await app.CreateClient().FileOkAsync(new { category = "suggestion", content = "建议公示电话" });
        first.Should().Be("TS-2026-000001");
        second.Should().Be("TS-2026-000002");

        clock.Now = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));
        var window = await app.ClientForAsync("window");
        await window.ActOkAsync(second, "assign", new { assignee = "window" });
        await window.ActOkAsync(second, "answer", new { answer = "已采纳" });

        (await window.GetOkAsync("/api/complaints?flag=yellow")).Numbers().Should().Equal(first);
        (await window.GetOkAsync("/api/complaints?flag=none")).Numbers().Should().Equal(second);
        clock.Now = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(8));
        window = await app.ClientForAsync("window");
        (await window.GetOkAsync("/api/complaints?flag=red")).Numbers().Should().Equal(first);
        (await window.GetOkAsync("/api/complaints?status=answered")).Numbers().Should().Equal(second);
        var seen = await (await app.CreateClient().LookUpAsync(first, code)).ShouldBeOkAsync<JsonElement>();
        seen.Text("flag").Should().Be("red");
        await (await app.CreateClient().LookUpAsync(first, "AAAAAAAA")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "complaint_not_found");
    }
}
