using Microsoft.Extensions.Options;

namespace Cooperative.Api.Geography;

/// <summary>
/// The county the scheme serves (<c>County:*</c>): its name in every text people read, and the folder of its reference
/// data. Another county, or a city, is another section and another seed folder (README, "A second county").
/// </summary>
public sealed class CountyOptions
{
    public const string Section = "County";

    /// <summary>The county's name as statements and pages print it (县、市名称), e.g. 杭城市.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The county's administrative division code (行政区划代码), e.g. 330199: every township's code starts with it.
    /// </summary>
    public string Code { get; set; } = "";

    /// <summary>The health bureau that signs the responsibility letters (卫生局); default <c>{Name}卫生局</c>.</summary>
    public string Bureau { get; set; } = "";

    /// <summary>The scheme office named on the public page (合作医疗管理办公室); default <c>{Name}新型农村合作医疗管理办公室</c>.</summary>
    public string Office { get; set; } = "";

    /// <summary>
    /// The folder of the county's seed files (<see cref="SeedFiles.Columns"/>), absolute or under the content root;
    /// empty: the sample county's <c>db/seed</c>, built into the assembly.
    /// </summary>
    public string SeedFolder { get; set; } = "";
}

/// <summary>
/// Refuses to start without the county's name and code, or with a seed folder that lacks a file or a column, or with a
/// township of another code.
/// </summary>
internal sealed class CountyOptionsValidation : IValidateOptions<CountyOptions>
{
    public ValidateOptionsResult Validate(string? name, CountyOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
            failures.Add("County:Name is required: the county's name as statements and pages print it.");
        if (string.IsNullOrWhiteSpace(options.Code))
            failures.Add("County:Code is required: the administrative division code its townships' codes start with.");
        var folder = SeedFiles.Problems(options.SeedFolder).ToList();
        failures.AddRange(folder);
        if (folder.Count == 0 && !string.IsNullOrWhiteSpace(options.Code))
            failures.AddRange(SeedFiles.ReadCsv("townships.csv", options.SeedFolder).Select(t => t["code"])
                .Where(code => !code.StartsWith(options.Code, StringComparison.Ordinal))
                .Select(code => $"Township {code} of townships.csv does not start with County:Code {options.Code}."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
