using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cooperative.Api.Tests.Infrastructure;

public static class TestCertificates
{
    private static readonly Lazy<string> SharedCertificate = new(WriteSelfSigned);

    /// <summary>One certificate file for every app of the test run.</summary>
    public static string Shared => SharedCertificate.Value;

    /// <summary>A throwaway self-signed PKCS#12 certificate usable for signing and encryption.</summary>
    public static string WriteSelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Cooperative test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        // Valid over a wide span: some tests run the app on a fixed clock in the past or the future.
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(Path.GetTempPath(), $"coop-cert-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }
}
