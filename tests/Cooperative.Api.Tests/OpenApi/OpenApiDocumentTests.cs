using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.OpenApi;

/// <summary>What a facility's vendor relies on in the document, checked cheaply on every operation.</summary>
public sealed class OpenApiDocumentTests : OpenApiAppTests
{
    [Fact]
    public void Every_operation_has_a_summary_a_description_a_unique_operation_id_and_a_described_tag()
    {
        var operations = OpenApiDocument.Operations(Document).ToList();
        var tags = Document.GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("description").GetString());

        operations.Should().HaveCountGreaterThan(100);
        foreach (var (method, path, operation) in operations)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            Text(operation, "summary").Should().NotBeNullOrWhiteSpace(where);
            Text(operation, "description").Should().NotBeNullOrWhiteSpace(where);
            Text(operation, "operationId").Should().MatchRegex("^[A-Z][A-Za-z]+$", where);
            var operationTags = operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList();
            operationTags.Should().NotBeEmpty(where);
            operationTags.Should().OnlyContain(t => !string.IsNullOrWhiteSpace(tags[t]), where);
        }
        operations.Select(o => Text(o.Operation, "operationId")).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Authorized_operations_require_a_token_andDocument_401_and_403_while_public_ones_require_none()
    {
        var schemes = Document.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("oauth2").GetProperty("flows").GetProperty("authorizationCode").GetProperty("authorizationUrl").GetString()
            .Should().EndWith("/connect/authorize");
        schemes.GetProperty("bearer").GetProperty("scheme").GetString().Should().Be("bearer");

        foreach (var (method, path, operation) in OpenApiDocument.Operations(Document))
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            var requirements = operation.GetProperty("security").EnumerateArray().ToList();
            var anonymous = requirements is [{ ValueKind: JsonValueKind.Object } only] && !only.EnumerateObject().Any();
            var responses = operation.GetProperty("responses");
            if (anonymous)
            {
                responses.TryGetProperty("401", out _).Should().BeFalse(where);
                continue;
            }
            requirements.SelectMany(r => r.EnumerateObject().Select(s => s.Name)).Should().BeEquivalentTo(["oauth2", "bearer"], where);
            responses.TryGetProperty("401", out _).Should().BeTrue(where);
            responses.TryGetProperty("403", out _).Should().BeTrue(where);
        }
        OpenApiDocument.Operations(Document).Where(o => o.Path.StartsWith("/api/public/", StringComparison.Ordinal))
            .Where(o => o.Operation.GetProperty("responses").TryGetProperty("401", out var _)).Should().BeEmpty();
        OpenApiDocument.Operation(Document, "get", "/api/staff").GetProperty("responses").TryGetProperty("403", out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("/api/claims")]
    [InlineData("/api/claims/window")]
    [InlineData("/api/ledger/entries")]
    public void The_idempotency_key_is_a_required_header_of_submissions(string path)
    {
        var key = OpenApiDocument.Operation(Document, "post", path).GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");

        key.GetProperty("in").GetString().Should().Be("header");
        key.GetProperty("required").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Every_problem_answer_is_the_shared_problem_details_with_its_codes_listed()
    {
        foreach (var (method, path, operation) in OpenApiDocument.Operations(Document))
        foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
        {
            if (response.Name == "404" && !response.Value.TryGetProperty("content", out _)) continue;
            response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref")
                .GetString().Should().Be("#/components/schemas/ProblemDetails", $"{method.ToUpperInvariant()} {path} {response.Name}");
        }
        var problem = Document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");
        problem.GetProperty("properties").GetProperty("code").GetProperty("description").GetString()
            .Should().Contain("`duplicate_invoice`").And.Contain("`validation_failed`").And.Contain("`token_no_longer_valid`");
        problem.GetProperty("properties").TryGetProperty("errors", out _).Should().BeTrue();
        Text(OpenApiDocument.Operation(Document, "post", "/api/claims").GetProperty("responses").GetProperty("409"), "description")
            .Should().Contain("`duplicate_invoice`");
    }

    [Fact]
    public void The_coverage_check_answers_a_person_or_a_household()
    {
        var schema = OpenApiDocument.Operation(Document, "get", "/api/coverage").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

        schema.GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString()).Should().BeEquivalentTo(
            ["#/components/schemas/CoverageResponse", "#/components/schemas/HouseholdCoverageResponse"]);
    }

    [Fact]
    public void Nullable_properties_are_optional_and_nullable_and_the_others_are_not_nullable()
    {
        var schemas = Document.GetProperty("components").GetProperty("schemas");
        var request = schemas.GetProperty("FacilityClaimRequest");
        var required = request.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();

        required.Should().Equal("referred");
        request.GetProperty("properties").GetProperty("idNumber").GetProperty("nullable").GetBoolean().Should().BeTrue();
        var coverage = schemas.GetProperty("CoverageResponse");
        coverage.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Contain("name").And.NotContain("reason");
        coverage.GetProperty("properties").GetProperty("name").TryGetProperty("nullable", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("/api/claims/{number}/statement.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("/api/claims/{number}/statement.html", "text/html")]
    [InlineData("/api/ledger/journal.csv", "text/csv")]
    public void Downloads_name_their_content_type(string path, string contentType)
    {
        OpenApiDocument.Operation(Document, "get", path).GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty(contentType, out _).Should().BeTrue();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
