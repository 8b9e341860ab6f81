using System.Text;
using Cooperative.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Disclosures;

/// <summary>A rendered file of a month's disclosure.</summary>
public sealed record DisclosureFile(byte[] Bytes, string ContentType);

/// <summary>The formats a month is served in: json (the stored bytes themselves), xlsx and csv.</summary>
public static class DisclosureFormats
{
    private static readonly string[] Known = ["json", "xlsx", "csv"];

    public static bool IsKnown(string format) => Known.Contains(format, StringComparer.Ordinal);

    public static ProblemHttpResult Unknown(string format) =>
        Problems.Of(StatusCodes.Status404NotFound, DisclosureErrors.UnknownFormat, "不支持的文件格式", $"“{format}”不可用，可选 json、xlsx、csv");

    public static DisclosureFile Render(string contentJson, string format) => format switch
    {
        "json" => new DisclosureFile(Encoding.UTF8.GetBytes(contentJson), DisclosureFiles.JsonContentType),
        "xlsx" => new DisclosureFile(DisclosureFiles.Xlsx(DisclosureDocument.Read(contentJson)), Xlsx.ContentType),
        "csv" => new DisclosureFile(DisclosureFiles.Csv(DisclosureDocument.Read(contentJson)), DisclosureFiles.CsvContentType),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown disclosure format."),
    };
}
