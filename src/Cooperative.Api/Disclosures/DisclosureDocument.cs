using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cooperative.Domain.Disclosures;

namespace Cooperative.Api.Disclosures;

/// <summary>A month's content as stored and served: its JSON (the exact bytes the public gets), their SHA-256, the claims behind its rows.</summary>
public sealed record DisclosureDocument(DisclosureContent Content, string Json, string Hash, string InpatientClaimIds)
{
    // Chinese stays readable; HTML-sensitive characters are escaped, so no served text can become markup.
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new Infrastructure.VocabularyJsonConverterFactory() },
    };

    public static DisclosureDocument Of(DisclosureBuild build)
    {
        var json = JsonSerializer.Serialize(build.Content, JsonOptions);
        return new DisclosureDocument(build.Content, json, HashOf(json), string.Join(',', build.InpatientClaimIds));
    }

    public static DisclosureContent Read(string json) =>
        JsonSerializer.Deserialize<DisclosureContent>(json, JsonOptions) ?? throw new InvalidDataException("Empty disclosure content.");

    public static string HashOf(string json) => Infrastructure.TextDigests.Sha256Hex(json);

    /// <summary>Row numbers of a published month's inpatient list, by claim.</summary>
    public static Dictionary<Guid, int> RowsByClaim(string inpatientClaimIds) =>
        inpatientClaimIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((id, i) => (Id: Guid.Parse(id), Row: i + 1))
            .ToDictionary(x => x.Id, x => x.Row);
}
