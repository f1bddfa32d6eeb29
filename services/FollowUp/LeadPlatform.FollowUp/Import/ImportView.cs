namespace LeadPlatform.FollowUp.Import;

/// <summary>An import as the admin reads it: its state, the columns as read, counts, and every row with what will happen to it.</summary>
public sealed record ImportView(Guid ImportId, string Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? AppliedAt, string? AppliedBy,
    IReadOnlyDictionary<string, string> Columns, IReadOnlyList<string> IgnoredColumns, ImportCounts Counts, IReadOnlyList<ImportRowView> Rows)
{
    public static ImportView From(LeadImport i) => new(i.Id, i.Status, i.CreatedAt, i.CreatedBy, i.AppliedAt, i.AppliedBy, i.Columns, i.IgnoredColumns,
        new ImportCounts(i.Rows.Count, i.Rows.Count(r => r.Outcome == ImportRow.Create), i.Rows.Count(r => r.Outcome == ImportRow.PossibleSamePerson),
            i.Rows.Count(r => r.Outcome == ImportRow.Error), i.Rows.Count(r => r.LeadId is not null)),
        [.. i.Rows.Select(r => new ImportRowView(r.Line, r.Outcome, r.Payload.Name.Length == 0 ? null : r.Payload.Name, r.Errors, r.Warnings,
            r.PossibleSamePeople, r.ConsentProven, r.LeadId))]);
}

/// <summary>How many rows: in the file, to create, possible same persons (created and linked), with errors (skipped), and created once applied.</summary>
public sealed record ImportCounts(int Rows, int Create, int PossibleSamePerson, int Errors, int Created);

/// <summary>One row: its line, outcome (<c>create</c>, <c>possible_same_person</c>, <c>error</c>), the name (until applied), errors by field, warnings, matches, consent proven, the lead made.</summary>
public sealed record ImportRowView(int Line, string Outcome, string? Name, IReadOnlyList<ImportFieldError> Errors, IReadOnlyList<string> Warnings,
    IReadOnlyList<ImportMatch> PossibleSamePeople, IReadOnlyList<string> ConsentProven, Guid? LeadId);
