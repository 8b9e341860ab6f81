using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Disclosures.DisclosureMonthScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Disclosures;

/// <summary>A month of claims disclosed over HTTP against MariaDB: prepared, reviewed, published, frozen, corrected next month.</summary>
public sealed class MonthlyDisclosureTests : IAsyncLifetime
{
    private readonly FixedClock _clock = FixedClock.At(2026, 1, 5);
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string[] Secrets = [Head.Name, Wife.Name, Son.Name, Head.IdNumber, Wife.IdNumber, Son.IdNumber, "3301991010010001"];

    [Fact]
    public async Task A_month_of_claims_is_prepared_reviewed_and_published_with_numbers_that_match_the_claims_and_no_name_or_id()
    {
        var (head, son, wife) = await SettleNovemberAsync(_app, _clock);
        var admin = await _app.ClientForAsync("admin");
        await (await admin.PostAsync($"/api/disclosures/{November}/prepare", null))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "disclosure_month_not_ended");

        _clock.Now = FixedClock.At(2026, 12, 2).Now;
        admin = await _app.ClientForAsync("admin");
        var anyone = _app.NewClient();
        await (await anyone.GetAsync($"/api/public/disclosures/{November}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "disclosure_not_found");
        await (await (await _app.ClientForAsync("auditor")).PostAsync($"/api/disclosures/{November}/prepare", null))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.PostAsync("/api/disclosures/2026-13/prepare", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var prepared = await (await admin.PostAsync($"/api/disclosures/{November}/prepare", null)).ShouldBeOkAsync<JsonElement>();
        prepared.GetProperty("status").GetString().Should().Be("prepared");
        var content = prepared.GetProperty("content");
        var inpatients = content.GetProperty("inpatients").EnumerateArray().ToList();
        inpatients.Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("maskedName").GetString(), r.GetProperty("reimbursement").GetDecimal()))
            .Should().Equal((1, "王*", son.FundPays), (2, "王*国", head.FundPays));
        inpatients[1].GetProperty("age").GetInt32().Should().Be(56);
        inpatients[1].GetProperty("gender").GetString().Should().Be("男");
        inpatients[1].GetProperty("village").GetString().Should().Be(PublicVillage);
        inpatients[1].GetProperty("facility").GetString().Should().Be("杭城市人民医院");
        var village = content.GetProperty("outpatientByVillage").EnumerateArray().Should().ContainSingle().Subject;
        village.GetProperty("village").GetString().Should().Be(PublicVillage);
        village.GetProperty("visits").GetInt32().Should().Be(1);
        village.GetProperty("fundPaid").GetDecimal().Should().Be(wife.FundPays);
        var summary = content.GetProperty("summary");
        summary.GetProperty("persons").GetInt32().Should().Be(3);
        summary.GetProperty("visits").GetInt32().Should().Be(3);
        summary.GetProperty("totalCost").GetDecimal().Should().Be(head.Total + son.Total + wife.Total);
        summary.GetProperty("fundPaid").GetDecimal().Should().Be(head.FundPays + son.FundPays + wife.FundPays);
        summary.GetProperty("averageRatio").GetDecimal().Should()
            .Be(Math.Round((head.FundPays + son.FundPays + wife.FundPays) / (head.Total + son.Total + wife.Total), 4, MidpointRounding.AwayFromZero));
        content.GetProperty("fund").GetProperty("expenditure").GetDecimal().Should().Be(head.FundPays + son.FundPays + wife.FundPays,
            "November's only expenditure is these claims");
        foreach (var secret in Secrets) prepared.ToString().Should().NotContain(secret);
        var checkpoint = content.GetProperty("auditCheckpoint");
        var verified = await (await (await _app.ClientForAsync("auditor")).GetAsync("/api/audit/verify")).ShouldBeOkAsync<JsonElement>();
        checkpoint.GetProperty("matchesChain").GetBoolean().Should().BeTrue();
        checkpoint.GetProperty("seq").GetInt64().Should().BeGreaterThan(0)
            .And.BeLessThanOrEqualTo(verified.GetProperty("lastGoodCheckpoint").GetProperty("seq").GetInt64(), "the chain still agrees with it");
        File.ReadAllText(_app.CheckpointFile).Should().Contain(checkpoint.GetProperty("mac").GetString(), "it is a signed checkpoint of the file");

        await (await admin.PostAsync($"/api/disclosures/{November}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "disclosure_not_reviewed");
        await (await (await _app.ClientForAsync("window")).PostAsJsonAsync($"/api/disclosures/{November}/review", new { note = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await PublishAsync(admin, November);
        await (await admin.PostAsync($"/api/disclosures/{November}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "disclosure_already_published");
        await (await admin.PostAsync($"/api/disclosures/{November}/prepare", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "disclosure_already_published");

        var list = await (await anyone.GetAsync("/api/public/disclosures")).ShouldBeOkAsync<JsonElement>();
        list.EnumerateArray().Select(m => m.GetProperty("month").GetString()).Should().Equal(November);
        var json = await anyone.GetStringAsync($"/api/public/disclosures/{November}");
        JsonDocument.Parse(json).RootElement.GetProperty("summary").ToString().Should().Be(summary.ToString());
        var published = JsonDocument.Parse(json).RootElement.GetProperty("auditCheckpoint");
        published.GetProperty("matchesChain").GetBoolean().Should().BeTrue();
        published.GetProperty("seq").GetInt64().Should().BeGreaterThan(checkpoint.GetProperty("seq").GetInt64(),
            "publishing re-prepared the month after the first preparation's own audit records were sealed");
        var csv = Encoding.UTF8.GetString(await anyone.GetByteArrayAsync($"/api/public/disclosures/{November}.csv"));
        csv.Should().Contain("王*国").And.Contain(PublicVillage);
        var xlsx = await anyone.GetByteArrayAsync($"/api/public/disclosures/{November}.xlsx");
        var cells = XlsxText(xlsx);
        cells.Should().Contain("王*国");
        foreach (var secret in Secrets)
        {
            json.Should().NotContain(secret);
            csv.Should().NotContain(secret);
            cells.Should().NotContain(secret);
        }
        await (await anyone.GetAsync($"/api/public/disclosures/{November}.pdf")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "disclosure_unknown_format");
    }

    [Fact]
    public async Task The_workbook_has_a_summary_and_detail_sheets_whose_totals_match_with_frozen_filtered_headings()
    {
        var (head, son, _) = await SettleNovemberAsync(_app, _clock);
        _clock.Now = FixedClock.At(2026, 12, 2).Now;
        var admin = await _app.ClientForAsync("admin");
        await PublishAsync(admin, November);

        var response = await _app.NewClient().GetAsync($"/api/public/disclosures/{November}.xlsx");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"新农合补偿公示-{November}.xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        workbook.Worksheets.Select(w => w.Name).Should().Equal("汇总", "住院补偿明细", "门诊按村汇总", "门诊按机构汇总", "更正", "基金收支", "审计链检查点");
        var detail = workbook.Worksheet("住院补偿明细");
        detail.Cell(2, 12).GetString().Should().Be("补偿金额（元）");
        detail.SheetView.SplitRow.Should().Be(2, "the heading stays in view");
        detail.AutoFilter.IsEnabled.Should().BeTrue();
        var paid = Enumerable.Range(3, 2).Sum(r => detail.Cell(r, 12).GetValue<decimal>());
        paid.Should().Be(head.FundPays + son.FundPays);
        detail.Cell(3, 12).Style.NumberFormat.Format.Should().Be("#,##0.00");
        var totals = workbook.Worksheet("汇总");
        totals.Cell(4, 1).GetString().Should().Be("其中：住院");
        totals.Cell(4, 6).GetValue<decimal>().Should().Be(paid);
    }

    [Fact]
    public async Task A_published_month_is_cached_with_an_etag_and_never_changes_and_a_later_reversal_is_next_months_correction()
    {
        var (head, _, _) = await SettleNovemberAsync(_app, _clock);
        _clock.Now = FixedClock.At(2026, 12, 2).Now;
        await PublishAsync(await _app.ClientForAsync("admin"), November);
        var anyone = _app.NewClient();
        var first = await anyone.GetAsync($"/api/public/disclosures/{November}");
        var etag = first.Headers.ETag!;
        first.Headers.CacheControl!.Public.Should().BeTrue();
        var published = await first.Content.ReadAsStringAsync();
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/public/disclosures/{November}");
        again.Headers.IfNoneMatch.Add(etag);
        (await anyone.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        _clock.Now = FixedClock.At(2026, 12, 10).Now;
        var reviewer = await _app.ClientForAsync("reviewer");
        (await reviewer.PostAsJsonAsync($"/api/claims/{head.Number}/reject", new { reason = "挂床住院，不予报销" })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await anyone.GetStringAsync($"/api/public/disclosures/{November}")).Should().Be(published, "what was published does not change");
        (await _app.Database!.ScalarAsync<string>($"SELECT ContentJson FROM published_disclosures WHERE Month = '{November}'")).Should().Be(published);
        var tamper = () => _app.Database!.ExecuteAsync("UPDATE published_disclosures SET ContentJson = '{}'");
        await tamper.Should().ThrowAsync<Exception>("the database refuses to change a published month");

        _clock.Now = FixedClock.At(2027, 1, 3).Now;
        var admin = await _app.ClientForAsync("admin");
        var december = await (await admin.PostAsync("/api/disclosures/2026-12/prepare", null)).ShouldBeOkAsync<JsonElement>();
        var correction = december.GetProperty("content").GetProperty("corrections").EnumerateArray().Should().ContainSingle().Subject;
        correction.GetProperty("maskedName").GetString().Should().Be("王*国");
        correction.GetProperty("originalMonth").GetString().Should().Be(November);
        correction.GetProperty("originalRow").GetInt32().Should().Be(2);
        correction.GetProperty("reimbursement").GetDecimal().Should().Be(-head.FundPays);
        var summary = december.GetProperty("content").GetProperty("summary");
        summary.GetProperty("fundPaid").GetDecimal().Should().Be(0m);
        summary.GetProperty("netFundPaid").GetDecimal().Should().Be(-head.FundPays);
        var audit = await (await admin.GetAsync("/api/ledger/invariant")).ShouldBeOkAsync<JsonElement>();
        audit.GetProperty("holds").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Staff_read_drafts_and_the_auditor_reads_but_may_not_publish()
    {
        await SettleNovemberAsync(_app, _clock);
        _clock.Now = FixedClock.At(2026, 12, 2).Now;
        await (await (await _app.ClientForAsync("admin")).PostAsync($"/api/disclosures/{November}/prepare", null)).ShouldBeOkAsync<JsonElement>();
        var auditor = await _app.ClientForAsync("auditor");

        var drafts = await (await auditor.GetAsync("/api/disclosures")).ShouldBeOkAsync<JsonElement>();
        drafts.EnumerateArray().Single().GetProperty("status").GetString().Should().Be("prepared");
        (await auditor.GetAsync($"/api/disclosures/{November}.xlsx")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await auditor.PostAsync($"/api/disclosures/{November}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _app.NewClient().GetAsync("/api/disclosures")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await _app.NewClient().GetAsync($"/api/public/disclosures/{November}")).ShouldBeProblemAsync(HttpStatusCode.NotFound,
            "disclosure_not_found");
        var facility = await _app.FacilityClientAsync("H0001");
        (await facility.GetAsync($"/api/disclosures/{November}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>February 2026 as the version before benefit kinds and payers stored it: none of their fields.</summary>
    private static readonly string PublishedBeforeKinds = """
        {"month":"2026-02","summary":{"persons":2,"visits":2,"totalCost":5080.00,"eligible":4900.00,"fundPaid":2540.00,
        "averageRatio":0.5000,"inpatientVisits":1,"inpatientFundPaid":2500.00,"outpatientVisits":1,"outpatientFundPaid":40.00,
        "byLevel":[{"level":"county","levelName":"县级医院","persons":2,"visits":2,"totalCost":5080.00,"fundPaid":2540.00}],
        "corrections":1,"correctionsFundPaid":-5.00,"netFundPaid":2535.00},"fund":{"income":1000.00,"expenditure":2540.00,"balance":5000.00},
        "inpatients":[{"row":1,"maskedName":"赵*","gender":"女","age":65,"village":"城关镇东风村","facility":"县人民医院",
        "facilityLevel":"县级医院","admissionDate":"2026-02-10","dischargeDate":"2026-02-13","totalCost":5000.00,"eligible":4900.00,
        "reimbursement":2500.00}],"outpatientByVillage":[{"village":"城关镇东风村","persons":1,"visits":1,"totalCost":80.00,"fundPaid":40.00}],
        "outpatientByFacility":[{"facility":"县人民医院","facilityLevel":"县级医院","persons":1,"visits":1,"totalCost":80.00,"fundPaid":40.00}],
        "corrections":[{"maskedName":"孙*空","village":"城关镇东风村","facility":"县人民医院","visitType":"门诊","originalMonth":"2026-01",
        "originalRow":null,"reversedOn":"2026-02-01","totalCost":-10.00,"reimbursement":-5.00}],"auditCheckpoint":null}
        """.ReplaceLineEndings("");

    [Fact]
    public async Task A_month_published_before_benefit_kinds_is_served_byte_for_byte_under_its_hash_and_still_renders()
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(PublishedBeforeKinds)));
        await _app.Database!.ExecuteAsync("INSERT INTO published_disclosures (Month, ContentJson, ContentHash, InpatientClaimIds, InpatientRows, " +
            $"FundPaid, PublishedBy, PublishedUtc) VALUES ('2026-02', '{PublishedBeforeKinds}', '{hash}', '', 1, 2540.00, 'admin', '2026-03-02 01:00:00')");
        var anyone = _app.NewClient();

        var response = await anyone.GetAsync("/api/public/disclosures/2026-02");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Should().Equal(Encoding.UTF8.GetBytes(PublishedBeforeKinds), "what was published is served as it was stored");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).Should().Be(hash);
        response.Headers.ETag!.Tag.Should().Be($"\"{hash[..32]}-json\"");
        var content = Cooperative.Api.Disclosures.DisclosureDocument.Read(PublishedBeforeKinds);
        content.Summary.ByBenefit.Should().BeEmpty();
        content.Summary.PatientPaid.Should().BeNull();
        content.Inpatients.Single().BenefitName.Should().Be("住院");

        using var workbook = new XLWorkbook(new MemoryStream(await anyone.GetByteArrayAsync("/api/public/disclosures/2026-02.xlsx")));
        var totals = workbook.Worksheet("汇总");
        totals.Cell(3, 6).GetValue<decimal>().Should().Be(2540m);
        totals.Cell(3, 8).GetValue<decimal>().Should().Be(0m, "there were no other payers then");
        totals.Cell(3, 10).GetValue<decimal>().Should().Be(5080m - 2540m, "the patients paid what the fund did not");
        totals.RowsUsed().Should().NotContain(r => r.Cell(1).GetString().StartsWith("按补偿类别", StringComparison.Ordinal));
        workbook.Worksheet("住院补偿明细").Cell(3, 13).GetString().Should().Be("住院");
        workbook.Worksheet("更正").Cell(3, 4).GetString().Should().Be("门诊");
        var csv = Encoding.UTF8.GetString(await anyone.GetByteArrayAsync("/api/public/disclosures/2026-02.csv"));
        csv.Should().Contain("赵*").And.Contain("2500.00,住院,0.00,0.00");
    }

    private static string XlsxText(byte[] bytes)
    {
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        return string.Join('\n', workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()));
    }
}
