using Cooperative.Domain.Enrollment;

namespace Cooperative.Api.Enrollment;

/// <summary>What an import will store, what it finds stored already, and the rows that contradict the database.</summary>
internal sealed class ImportPlan
{
    public List<Person> Persons { get; } = [];
    public List<Household> Households { get; } = [];
    public List<Membership> Memberships { get; } = [];
    public int PersonsUnchanged { get; set; }
    public int HouseholdsUnchanged { get; set; }
    public List<ImportError> Errors { get; } = [];

    public bool ChangesAnything => Persons.Count + Households.Count + Memberships.Count > 0;
}

/// <summary>
/// Compares checked register rows with what is stored. A person or household stored with the same data is
/// left alone (so a file imported twice stores once); one stored with other data is an error of its row,
/// never an update: corrections go through the window, where they are audited one by one.
/// </summary>
internal sealed class RegisterImporter(DateOnly today, DateTime nowUtc)
{
    public ImportPlan Plan(IReadOnlyList<RegisterRow> rows, StoredState stored)
    {
        var plan = new ImportPlan();
        foreach (var household in rows.GroupBy(r => r.CardNumber, StringComparer.Ordinal))
            PlanHousehold(household.ToList(), stored, plan);
        return plan;
    }

    private void PlanHousehold(List<RegisterRow> rows, StoredState stored, ImportPlan plan)
    {
        var first = rows[0];
        var existing = stored.Households.GetValueOrDefault(first.CardNumber);
        if (existing is not null)
        {
            void Fail(string column, string message) => plan.Errors.Add(new(first.RowNumber, column, message));
            if (existing.TownshipCode != first.TownshipCode) Fail(RegisterColumns.TownshipCode, $"该户已登记在乡镇 {existing.TownshipCode}");
            if (existing.VillageCode != first.VillageCode) Fail(RegisterColumns.VillageCode, $"该户已登记在村 {existing.VillageCode}");
            if (stored.IdNumberOf.GetValueOrDefault(existing.HeadPersonId) != first.HeadIdNumber)
                Fail(RegisterColumns.HeadIdNumber, "与该户已登记的户主身份证号不一致");
            plan.HouseholdsUnchanged++;
        }

        var householdId = existing?.Id;
        var personIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var joining = new List<(RegisterRow Row, Guid PersonId)>();
        foreach (var row in rows)
        {
            if (stored.Persons.GetValueOrDefault(row.IdNumber) is { } person)
            {
                if (CheckStoredPerson(row, person, existing, stored, plan)) plan.PersonsUnchanged++;
                personIds[row.IdNumber] = person.Id;
                continue;
            }
            var created = new Person
            {
                IdNumber = row.IdNumber, Name = row.Name, Gender = row.Gender, BirthDate = row.BirthDate, Category = row.Category,
                RegisteredUtc = nowUtc,
            };
            plan.Persons.Add(created);
            personIds[row.IdNumber] = created.Id;
            joining.Add((row, created.Id));
        }

        if (existing is null && personIds.TryGetValue(first.HeadIdNumber, out var headId))
        {
            var household = new Household
            {
                CardNumber = first.CardNumber, HeadPersonId = headId, TownshipCode = first.TownshipCode,
                VillageCode = first.VillageCode, RegisteredUtc = nowUtc,
            };
            plan.Households.Add(household);
            householdId = household.Id;
        }
        if (householdId is null) return;
        plan.Memberships.AddRange(joining.Select(j => new Membership
        {
            PersonId = j.PersonId, HouseholdId = householdId.Value, Relationship = j.Row.Relationship, From = today,
        }));
    }

    /// <summary>True when the stored person is this row exactly, in this household; otherwise the row's errors are added.</summary>
    private static bool CheckStoredPerson(RegisterRow row, Person person, Household? household, StoredState stored, ImportPlan plan)
    {
        var before = plan.Errors.Count;
        void Fail(string column, string message) => plan.Errors.Add(new(row.RowNumber, column, message));
        if (person.Name != row.Name) Fail(RegisterColumns.Name, $"与已登记的姓名“{person.Name}”不一致");
        if (person.Category != row.Category)
            Fail(RegisterColumns.Category, $"与已登记的人员类别“{PersonCategories.Of(person.Category).ChineseName}”不一致");
        if (!person.IsActive) Fail(RegisterColumns.IdNumber, "该人员已死亡或已迁出，不能导入");
        else if (stored.OpenMemberships.GetValueOrDefault(person.Id) is not { } membership)
            Fail(RegisterColumns.IdNumber, "该人员已登记但不属于任何户");
        else if (membership.HouseholdId != household?.Id)
            Fail(RegisterColumns.IdNumber, $"该人员已登记在合作医疗证号 {stored.CardOf.GetValueOrDefault(membership.HouseholdId)} 的户中");
        else if (membership.Relationship != row.Relationship)
            Fail(RegisterColumns.Relationship, $"与已登记的关系“{Relationships.ChineseName(membership.Relationship)}”不一致");
        return plan.Errors.Count == before;
    }
}
