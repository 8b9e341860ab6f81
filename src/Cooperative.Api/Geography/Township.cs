namespace Cooperative.Api.Geography;

/// <summary>A township of the county (乡镇), with its rural population: the denominator of coverage statistics.</summary>
public sealed class Township
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary>农业人口: rural residents registered in the township.</summary>
    public required int RuralPopulation { get; set; }
}

/// <summary>A village (行政村) of a township.</summary>
public sealed class Village
{
    public required string Code { get; init; }
    public required string TownshipCode { get; init; }
    public required string Name { get; set; }
}
