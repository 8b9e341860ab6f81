using System.Net;
using System.Text;
using System.Text.Json;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Tests.Infrastructure;
using Cooperative.Domain.Enrollment;
using static Cooperative.Api.Tests.Enrollment.Registers;

namespace Cooperative.Api.Tests.Enrollment;

public sealed class ImportTests : IAsyncLifetime
{
    private CooperativeApp _app = null!;

    public async Task InitializeAsync() => _app = await CooperativeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<long> CountAsync(string table) => _app.Database!.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}");

    [Fact]
    public async Task A_generated_register_of_about_two_thousand_persons_is_imported_with_one_audit_record()
    {
        var window = await _app.ClientForAsync("window");
        var rows = Rows();

        var answer = await (await ImportAsync(window, Csv(rows))).ShouldBeOkAsync<JsonElement>();

        var persons = rows.Count - 1;
        persons.Should().BeInRange(1_800, 2_400);
        (answer.GetProperty("personsCreated").GetInt32(), answer.GetProperty("householdsCreated").GetInt32(),
            answer.GetProperty("personsUnchanged").GetInt32()).Should().Be((persons, 520, 0));
        (await CountAsync("persons"), await CountAsync("households"), await CountAsync("memberships")).Should().Be((persons, 520L, persons));
        (await CountAsync("audit_records WHERE EntityType IN ('Person', 'Household', 'Membership')")).Should().Be(0);
        var audit = await _app.Database!.ScalarAsync<string>(
            $"SELECT After FROM audit_records WHERE EntityType = '{ImportApi.AuditEntityType}' AND Actor = 'window'");
        audit.Should().Contain("城关镇花名册.csv").And.Contain(answer.GetProperty("sha256").GetString());
        (await _app.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM households h JOIN persons p ON p.Id = h.HeadPersonId JOIN memberships m ON m.PersonId = p.Id AND m.HouseholdId = h.Id " +
            "WHERE m.Relationship = 'Head'")).Should().Be(520);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_stores_it_once()
    {
        var window = await _app.ClientForAsync("window");
        var file = Csv(Rows());
        await (await ImportAsync(window, file)).ShouldBeOkAsync<JsonElement>();
        var persons = await CountAsync("persons");

        var again = await (await ImportAsync(window, file)).ShouldBeOkAsync<JsonElement>();

        (again.GetProperty("personsCreated").GetInt32(), again.GetProperty("householdsCreated").GetInt32()).Should().Be((0, 0));
        (again.GetProperty("personsUnchanged").GetInt32(), again.GetProperty("householdsUnchanged").GetInt32()).Should().Be(((int)persons, 520));
        (await CountAsync("persons"), await CountAsync("memberships"), await CountAsync("households")).Should().Be((persons, persons, 520L));
        (await CountAsync($"audit_records WHERE EntityType = '{ImportApi.AuditEntityType}'")).Should().Be(1);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_stores_nothing_and_names_the_row_and_column()
    {
        var window = await _app.ClientForAsync("window");
        var rows = Rows();
        var id = Column(RegisterColumns.IdNumber);
        rows[100][id] = Households.WithBadChecksum(rows[100][id]);

        var response = await ImportAsync(window, Csv(rows));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "import_rows_invalid");
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("message").GetString())
            .Should().Be((101, "身份证号", "身份证号码校验位错误"));
        (await CountAsync("persons"), await CountAsync("households")).Should().Be((0L, 0L));
    }

    [Fact]
    public async Task Every_bad_row_is_listed_not_just_the_first()
    {
        var window = await _app.ClientForAsync("window");
        var rows = Rows();
        rows[5][Column(RegisterColumns.Gender)] = "未知";
        rows[700][Column(RegisterColumns.VillageCode)] = "330199102001";
        rows[1500][Column(RegisterColumns.Name)] = "";
        rows[1500][Column(RegisterColumns.Category)] = "困难户";

        var problem = await (await ImportAsync(window, Csv(rows))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "import_rows_invalid");

        problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()))
            .Should().Contain([(6, "性别"), (701, "村代码"), (1501, "姓名"), (1501, "人员类别")]);
        problem.GetProperty("detail").GetString().Should().Contain("行有错误");
        (await CountAsync("persons")).Should().Be(0);
    }

    [Fact]
    public async Task An_xlsx_register_imports_like_a_csv()
    {
        var window = await _app.ClientForAsync("window");
        var rows = Rows(households: 60, seed: 11);

        var answer = await (await ImportAsync(window, RegisterGenerator.Xlsx(rows), "城关镇花名册.xlsx")).ShouldBeOkAsync<JsonElement>();

        answer.GetProperty("personsCreated").GetInt32().Should().Be(rows.Count - 1);
        (await _app.Database!.ScalarAsync<long>($"SELECT COUNT(*) FROM persons WHERE IdNumber = '{rows[1][Column(RegisterColumns.IdNumber)]}'"))
            .Should().Be(1);
    }

    [Fact]
    public async Task A_row_contradicting_what_is_stored_is_an_error_of_that_row()
    {
        var window = await _app.ClientForAsync("window");
        await Households.RegisterWangsAsync(window);
        var h = Households.Head.IdNumber;
        string[] header = [.. RegisterColumns.All];
        string[] head = ["3301991010010001", h, "330199101", "330199101001", "王建国", "男", "1970-01-01", h, "户主", ""];
        string[] son = ["3301991010010001", h, "330199101", "330199101001", "王石", "男", "1998-10-10", Households.Son.IdNumber, "子女", ""];

        var problem = await (await ImportAsync(window, Csv([header, head, son]))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "import_rows_invalid");

        var error = problem.GetProperty("errors").EnumerateArray().Single();
        (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()).Should().Be((3, "姓名"));
        error.GetProperty("message").GetString().Should().Contain("王磊");
    }

    [Fact]
    public async Task A_reimport_with_a_new_member_adds_only_him_to_the_stored_household()
    {
        var window = await _app.ClientForAsync("window");
        var rows = Rows(households: 40, seed: 3);
        await (await ImportAsync(window, Csv(rows))).ShouldBeOkAsync<JsonElement>();
        var baby = Households.Id("20260101", 902);
        rows.Add([rows[1][0], rows[1][1], rows[1][2], rows[1][3], "王小宝", "女", "2026-01-01", baby, "孙子女", ""]);

        var answer = await (await ImportAsync(window, Csv(rows))).ShouldBeOkAsync<JsonElement>();

        (answer.GetProperty("personsCreated").GetInt32(), answer.GetProperty("householdsCreated").GetInt32()).Should().Be((1, 0));
        (await _app.Database!.ScalarAsync<string>(
            $"SELECT h.CardNumber FROM memberships m JOIN persons p ON p.Id = m.PersonId JOIN households h ON h.Id = m.HouseholdId WHERE p.IdNumber = '{baby}'"))
            .Should().Be(rows[1][0]);
    }

    [Fact]
    public async Task A_register_saved_by_chinese_excel_in_gb18030_is_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var window = await _app.ClientForAsync("window");
        var rows = Rows(households: 10, seed: 5);
        var text = string.Join("\r\n", rows.Select(r => string.Join(',', r)));

        var answer = await (await ImportAsync(window, Encoding.GetEncoding("GB18030").GetBytes(text))).ShouldBeOkAsync<JsonElement>();

        answer.GetProperty("personsCreated").GetInt32().Should().Be(rows.Count - 1);
        (await _app.Database!.ScalarAsync<string>($"SELECT Name FROM persons WHERE IdNumber = '{rows[1][Column(RegisterColumns.IdNumber)]}'"))
            .Should().Be(rows[1][Column(RegisterColumns.Name)]);
    }

    [Fact]
    public async Task A_file_without_the_required_columns_or_of_another_type_is_refused()
    {
        var window = await _app.ClientForAsync("window");

        var noColumns = await ImportAsync(window, Encoding.UTF8.GetBytes("姓名,身份证号\n王建国,330199197001010110\n"));
        var pdf = await ImportAsync(window, [0x25, 0x50, 0x44, 0x46], "花名册.pdf");
        var broken = await ImportAsync(window, [1, 2, 3, 4], "花名册.xlsx");

        var problem = await noColumns.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "import_header_invalid");
        problem.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).Should().Contain("合作医疗证号").And.NotContain("姓名");
        await pdf.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "import_file_type");
        await broken.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "import_file_unreadable");
    }

    [Fact]
    public async Task A_file_over_twenty_megabytes_is_refused_with_413()
    {
        var window = await _app.ClientForAsync("window");

        var response = await ImportAsync(window, new byte[ImportApi.MaxFileBytes + 1]);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("reviewer")]
    public async Task Only_the_window_and_administrators_may_import(string role)
    {
        var client = await _app.ClientForAsync(role);

        await (await ImportAsync(client, Csv(Rows(households: 2)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_facility_may_not_import()
    {
        var facility = await _app.FacilityClientAsync();

        await (await ImportAsync(facility, Csv(Rows(households: 2)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
