using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperative.Api.Tests.Infrastructure;

/// <summary>
/// The same app on a real TCP port, for a real browser. WebApplicationFactory in .NET 9 only hosts on the
/// in-memory TestServer, so <see cref="CreateHost"/> adds Kestrel on a free loopback port to the host
/// builder (the last registered IServer wins over the factory's TestServer), builds and starts that host
/// (Program runs once: migrations, seeding, then listening), and hands the factory an empty TestServer host
/// of its own to keep, since the factory insists on one. Clients of such an app (tokens, <see cref="NewClient"/>)
/// talk to the Kestrel address over HTTP; <see cref="WebApplicationFactory{T}.CreateClient()"/> would reach
/// the empty placeholder and must not be used.
/// </summary>
public sealed partial class CooperativeApp
{
    private bool _onKestrel;
    private IHost? _kestrelHost;

    /// <summary>Where the Kestrel server of an app from <see cref="StartOnKestrelAsync"/> listens (http://127.0.0.1:port/).</summary>
    public Uri? Address { get; private set; }

    /// <summary>Like <see cref="StartAsync"/> (a MariaDB database of its own), served over real HTTP.</summary>
    public static async Task<CooperativeApp> StartOnKestrelAsync(Action<Dictionary<string, string?>>? configure = null,
        TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var app = await StartOnMariaDbAsync(configure, clock, services, kestrel: true);
        app.Address.Should().NotBeNull("the Kestrel host reports the port it listens on");
        return app;
    }

    public override IServiceProvider Services
    {
        get
        {
            var placeholder = base.Services; // starts the hosts when they are not yet
            return _kestrelHost?.Services ?? placeholder;
        }
    }

    /// <summary>A client of this app: in memory, or over HTTP to the Kestrel address.</summary>
    public HttpClient NewClient() => Address is null ? CreateClient() : new HttpClient { BaseAddress = Address };

    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (!_onKestrel) return base.CreateHost(builder);
        builder.ConfigureWebHost(web => web.UseKestrel(o => o.Listen(IPAddress.Loopback, 0)));
        _kestrelHost = builder.Build();
        _kestrelHost.Start();
        var addresses = _kestrelHost.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        Address = new Uri(addresses.Addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));

        var placeholder = new HostBuilder().ConfigureWebHost(web => web.UseTestServer().Configure(_ => { })).Build();
        placeholder.Start();
        return placeholder;
    }

    private async Task DisposeKestrelAsync()
    {
        if (_kestrelHost is null) return;
        await _kestrelHost.StopAsync();
        _kestrelHost.Dispose();
        _kestrelHost = null;
    }
}
