using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using Cooperative.Domain.Identity;

namespace Cooperative.Api.Tests.Enrollment;

internal sealed record Member(string IdNumber, string Name, string Relationship, string Category = "");

/// <summary>Registers and enrols households over HTTP, as the window does.</summary>
internal static class Households
{
    public const string Township = "330199101";
    public const string Village = "330199101001";
    public const string OtherTownship = "330199102";
    public const string OtherVillage = "330199102001";

    public static string Id(string birth, int sequence)
    {
        var first17 = $"330199{birth}{sequence:000}";
        return first17 + ResidentIdNumber.ComputeCheckDigit(first17);
    }

    public static string WithBadChecksum(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    /// <summary>The county's clock (UTC+8), as the application's: from 16:00 UTC the county is already on the next day.</summary>
    public static DateTime CountyNow => DateTime.UtcNow.AddHours(8);

    public static int ThisYear => CountyNow.Year;

    public static string Today => CountyNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Wang family: head, wife on 低保, son.</summary>
    public static readonly Member Head = new(Id("19700101", 11), "王建国", "户主");
    public static readonly Member Wife = new(Id("19720305", 22), "李秀英", "配偶", "低保");
    public static readonly Member Son = new(Id("19981010", 33), "王磊", "子女");

    public static object Request(string card, Member[] members, string township = Township, string village = Village) => new
    {
        cardNumber = card, townshipCode = township, villageCode = village, address = "一组12号",
        members = members.Select(m => new { idNumber = m.IdNumber, name = m.Name, relationship = m.Relationship, category = m.Category }),
    };

    public static async Task<JsonElement> RegisterAsync(HttpClient client, string card, Member[] members, string township = Township,
        string village = Village) =>
        await (await client.PostAsJsonAsync("/api/households", Request(card, members, township, village)))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

    /// <summary>Registers the Wang family under the card number.</summary>
    public static Task<JsonElement> RegisterWangsAsync(HttpClient client, string card = "3301991010010001") =>
        RegisterAsync(client, card, [Head, Wife, Son]);

    public static Guid IdOf(JsonElement element) => element.GetProperty("id").GetGuid();

    public static List<Guid> MemberIds(JsonElement household) =>
        household.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("personId").GetGuid()).ToList();

    public static Task<HttpResponseMessage> EnrollAsync(HttpClient client, Guid household, int year, IEnumerable<Guid> persons) =>
        client.PostAsJsonAsync($"/api/households/{household}/enrollments", new { fundYear = year, personIds = persons });

    /// <summary>
    /// Publishes next year's policy (a copy of this year's) as an administrator: enrolment for next year needs
    /// it, as it would in the county, where the new year's rules come out before contributions are collected.
    /// </summary>
    public static async Task PublishNextYearsPolicyAsync(CooperativeApp app)
    {
        var admin = await app.ClientForAsync("admin");
        var current = await (await admin.GetAsync($"/api/policies/{ThisYear}")).ShouldBeOkAsync<JsonElement>();
        var response = await admin.PutAsJsonAsync($"/api/policies/{ThisYear + 1}", current.GetProperty("policy"));
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Registers the Wangs and enrols all three for this year; answers the household.</summary>
    public static async Task<JsonElement> EnrolledWangsAsync(HttpClient client, string card = "3301991010010001")
    {
        var household = await RegisterWangsAsync(client, card);
        await (await EnrollAsync(client, IdOf(household), ThisYear, MemberIds(household))).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        return household;
    }
}
