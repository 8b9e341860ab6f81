namespace Cooperative.Domain.Enrollment;

/// <summary>
/// Checks a whole register file: every row on its own, then the rows against each other (an ID number once
/// per file; one township, village and head per card number; exactly one 户主 row, the head's own). Lists
/// every problem, not just the first, so that a clerk can fix the file in one pass.
/// </summary>
public sealed class RegisterValidator(RegisterRowParser parser)
{
    private const int RowsPerPart = 4096;

    public RegisterCheck Validate(IReadOnlyList<RawRegisterRow> rawRows)
    {
        ArgumentNullException.ThrowIfNull(rawRows);
        // Rows are checked on their own in parallel parts (a township's file has up to 100,000), then joined in order.
        var parts = new (List<RegisterRow> Rows, List<ImportError> Errors, List<string> BadCards)[(rawRows.Count + RowsPerPart - 1) / RowsPerPart];
        Parallel.For(0, parts.Length, part =>
        {
            var result = parts[part] = ([], [], []);
            for (var i = part * RowsPerPart; i < Math.Min(rawRows.Count, (part + 1) * RowsPerPart); i++)
            {
                var raw = rawRows[i];
                if (parser.Parse(raw, result.Errors) is { } row) result.Rows.Add(row);
                else if (raw.Cells.Count > 0 && raw.Cells[0]?.Trim() is { Length: > 0 } card) result.BadCards.Add(card);
            }
        });
        var rows = parts.SelectMany(p => p.Rows).ToList();
        var errors = parts.SelectMany(p => p.Errors).ToList();
        var cardsWithBadRows = parts.SelectMany(p => p.BadCards).ToHashSet(StringComparer.Ordinal);

        var firstRowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (firstRowOfId.TryGetValue(row.IdNumber, out var first))
                errors.Add(new(row.RowNumber, RegisterColumns.IdNumber, $"身份证号与第{first}行重复"));
            else firstRowOfId[row.IdNumber] = row.RowNumber;
        }

        foreach (var household in rows.GroupBy(r => r.CardNumber, StringComparer.Ordinal))
            CheckHousehold(household.Key, household.ToList(), cardsWithBadRows.Contains(household.Key), errors);

        var columnOrder = RegisterColumns.All.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var sorted = errors.OrderBy(e => e.Row).ThenBy(e => columnOrder.GetValueOrDefault(e.Column)).ToList();
        var badRows = sorted.Select(e => e.Row).ToHashSet();
        return new RegisterCheck(rows.Where(r => !badRows.Contains(r.RowNumber)).ToList(), sorted);
    }

    private static void CheckHousehold(string card, List<RegisterRow> rows, bool hasBadRows, List<ImportError> errors)
    {
        var first = rows[0];
        foreach (var row in rows.Skip(1))
        {
            var same = $"与同一合作医疗证号的第{first.RowNumber}行不一致";
            if (row.HeadIdNumber != first.HeadIdNumber) errors.Add(new(row.RowNumber, RegisterColumns.HeadIdNumber, same));
            if (row.TownshipCode != first.TownshipCode) errors.Add(new(row.RowNumber, RegisterColumns.TownshipCode, same));
            if (row.VillageCode != first.VillageCode) errors.Add(new(row.RowNumber, RegisterColumns.VillageCode, same));
        }

        var heads = rows.Where(r => r.Relationship == Relationship.Head).ToList();
        foreach (var extra in heads.Skip(1))
            errors.Add(new(extra.RowNumber, RegisterColumns.Relationship, $"同一户只能有一个户主（第{heads[0].RowNumber}行已是户主）"));
        foreach (var head in heads.Where(h => h.IdNumber != h.HeadIdNumber))
            errors.Add(new(head.RowNumber, RegisterColumns.HeadIdNumber, "户主行的身份证号应与户主身份证号一致"));
        foreach (var row in rows.Where(r => r.Relationship != Relationship.Head && r.IdNumber == r.HeadIdNumber))
            errors.Add(new(row.RowNumber, RegisterColumns.Relationship, "户主本人的与户主关系应填写“户主”"));
        // A household whose head row is itself bad is reported through that row; no second error for it.
        if (heads.Count == 0 && !hasBadRows)
            errors.Add(new(first.RowNumber, RegisterColumns.Relationship, $"合作医疗证号 {card} 的户缺少户主行"));
    }
}
