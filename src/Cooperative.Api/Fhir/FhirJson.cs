using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace Cooperative.Api.Fhir;

/// <summary>FHIR JSON in and out (<c>application/fhir+json</c>), with the SDK's serializer.</summary>
internal static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>The request's body as a resource of type <typeparamref name="T"/>, or the 400 that says why not.</summary>
    public static async Task<(T? Resource, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : Resource
    {
        try
        {
            var resource = await JsonSerializer.DeserializeAsync<Resource>(request.Body, Options, ct);
            if (resource is T typed) return (typed, null);
            return (null, FhirOutcomes.Error(StatusCodes.Status400BadRequest, "malformed_request", "请求格式错误，无法解析",
                $"The body must be a FHIR {typeof(T).Name} resource."));
        }
        catch (Exception e) when (e is DeserializationFailedException or JsonException or NotSupportedException or FormatException)
        {
            return (null, FhirOutcomes.Error(StatusCodes.Status400BadRequest, "malformed_request", "请求格式错误，无法解析",
                e.Message.Length > 500 ? e.Message[..500] : e.Message));
        }
    }

    public static Money Yuan(decimal amount) => new() { Value = amount, Currency = Money.Currencies.CNY };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static FhirDateTime Day(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static string Instant(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("o",
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A search answer: the matches with their absolute URLs.</summary>
    public static Bundle SearchSet(HttpRequest request, IReadOnlyCollection<Resource> matches)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = matches.Count };
        foreach (var resource in matches)
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{BaseUrl(request)}/{resource.TypeName}/{resource.Id}",
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        return bundle;
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/fhir";
}

/// <summary>A resource as the answer, in FHIR JSON.</summary>
internal sealed class FhirResult(Resource resource, int status = StatusCodes.Status200OK, string? location = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = FhirJson.MediaType + "; charset=utf-8";
        if (location is not null) httpContext.Response.Headers.Location = location;
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, resource, resource.GetType(), FhirJson.Options,
            httpContext.RequestAborted);
    }
}
