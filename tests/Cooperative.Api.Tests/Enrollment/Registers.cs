using System.Net.Http.Headers;
using Cooperative.Api.Enrollment;

namespace Cooperative.Api.Tests.Enrollment;

/// <summary>Register files for import tests, made by the project's own generator.</summary>
internal static class Registers
{
    public static readonly DateOnly AsOf = new(2026, 1, 1);

    /// <summary>About 2,000 persons of the township 城关镇 (520 households).</summary>
    public static List<string[]> Rows(int households = 520, int seed = 7) => RegisterGenerator.Rows(Households.Township, households, seed, AsOf);

    public static byte[] Csv(IEnumerable<string[]> rows) => RegisterGenerator.Csv(rows);

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] bytes, string fileName = "城关镇花名册.csv")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        content.Add(file, "file", fileName);
        return client.PostAsync("/api/enrollment/import", content);
    }

    public static int Column(string heading) => Cooperative.Domain.Enrollment.RegisterColumns.All.ToList().IndexOf(heading);
}
