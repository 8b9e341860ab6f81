using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using MySqlConnector;

namespace Cooperative.Api.Tests.Security;

/// <summary>
/// The database goes away under a running API (its connections pass through a relay this test cuts) and comes back:
/// 503 problem details with Retry-After meanwhile, readiness in JSON, and recovery without a restart.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_the_database_is_down_requests_answer_503_with_retry_after_and_afterwards_work_again_without_a_restart()
    {
        await using var relay = TcpRelay.To(new MySqlConnectionStringBuilder(TestServer.ConnectionString));
        await using var app = await CooperativeApp.StartAsync(s =>
        {
            var builder = new MySqlConnectionStringBuilder(s["ConnectionStrings:Cooperative"]!) { Server = "127.0.0.1", Port = (uint)relay.Port, ConnectionTimeout = 3 };
            s["ConnectionStrings:Cooperative"] = builder.ConnectionString;
        });
        var auditor = await app.ClientForAsync("auditor");
        (await auditor.GetAsync("/api/claims")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await app.CreateClient().GetAsync("/health/ready");
        ready.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Healthy");

        relay.Cut();

        var down = await auditor.GetAsync("/api/claims");
        await down.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        down.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        var notReady = await app.CreateClient().GetAsync("/health/ready");
        notReady.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        notReady.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await notReady.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Unhealthy");
        var signIn = await app.PasswordGrantAsync("window", CooperativeApp.DemoPassword("window"));
        ((int)signIn.StatusCode).Should().Be(503, "the token endpoint needs the database too");

        relay.Resume();

        HttpStatusCode status = default;
        for (var i = 0; i < 20 && status != HttpStatusCode.OK; i++)
        {
            status = (await auditor.GetAsync("/api/claims")).StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(250);
        }
        status.Should().Be(HttpStatusCode.OK, "the API recovers by itself");
        (await app.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A loopback TCP relay to the MariaDB server that can be cut (every connection dropped, new ones refused) and resumed.</summary>
    private sealed class TcpRelay : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string _host;
        private readonly int _port;
        private readonly List<TcpClient> _open = [];
        private readonly CancellationTokenSource _stop = new();
        private volatile bool _cut;

        private TcpRelay(string host, int port)
        {
            _host = host;
            _port = port;
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static TcpRelay To(MySqlConnectionStringBuilder server) => new(server.Server, (int)server.Port);

        public void Cut()
        {
            _cut = true;
            lock (_open)
            {
                foreach (var client in _open) client.Dispose();
                _open.Clear();
            }
        }

        public void Resume() => _cut = false;

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient inbound;
                try { inbound = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                if (_cut)
                {
                    inbound.Dispose();
                    continue;
                }
                _ = RelayAsync(inbound);
            }
        }

        private async Task RelayAsync(TcpClient inbound)
        {
            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_host, _port);
                lock (_open)
                {
                    _open.Add(inbound);
                    _open.Add(outbound);
                }
                var a = inbound.GetStream().CopyToAsync(outbound.GetStream());
                var b = outbound.GetStream().CopyToAsync(inbound.GetStream());
                await Task.WhenAny(a, b);
            }
            catch (Exception)
            {
                // a cut connection ends here
            }
            finally
            {
                inbound.Dispose();
                outbound.Dispose();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            Cut();
            _stop.Dispose();
        }
    }
}
