using Microsoft.OpenApi.Any;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>Example bodies of the main requests, valid against the demo data of the Development configuration.</summary>
internal static class RequestExamples
{
    internal static readonly IReadOnlyDictionary<Type, Func<IOpenApiAny>> ByType = new Dictionary<Type, Func<IOpenApiAny>>();
}
