using System.Text.Json;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Import;

/// <summary>
/// CSV import of leads. <see cref="PreviewAsync"/> reads and checks the file and stores the preview (nothing else changes);
/// <see cref="ApplyAsync"/> submits the rows without errors as <c>QuoteRequestSubmitted</c> from the import's outbox,
/// source <c>import</c> (<see cref="FormId"/>), so each lead enters the journey as intake's leads do: follow-up's own
/// consumer builds the lead (possible same persons linked both ways), qualification decides and the task follows, and
/// the reports count them under the source "import". Possible same persons are found as follow-up finds them: the same
/// phone number (its lookup key) or the same email as a lead on file, or an earlier row of the same file.
/// </summary>
internal sealed class LeadImporter(ILeadImportStore imports, ILeadStore leads, IOptions<ImportOptions> options, TimeProvider time, ILogger<LeadImporter> logger)
{
    /// <summary>The form id, site id and UTM source of every imported submission.</summary>
    public const string FormId = "import";

    /// <summary>The most leads on file read to compare emails with (the newest first).</summary>
    public const int MaxLeadsCompared = 50_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ImportOptions Limits => options.Value;

    /// <summary>The preview of a file, or the problem with the file as a whole (field <c>file</c>).</summary>
    public async Task<(LeadImport? Import, string? Problem)> PreviewAsync(string text, string actor, CancellationToken ct)
    {
        var records = CsvTable.Read(text);
        if (records.Count == 0) return (null, "The file is empty: its first line must name the columns (first name, last name, email, phone, condition, country...).");
        var (_, header) = records[0];
        var fields = header.Select(h => ImportColumns.FieldOf(h)).ToList();
        if (!fields.Contains(ImportColumns.FirstName) && !fields.Contains(ImportColumns.Email) && !fields.Contains(ImportColumns.Phone))
        {
            return (null, "The first line does not name the columns: none of first name, email or phone was found. Put the column names on the first line.");
        }
        if (records.Count - 1 > options.Value.MaxRows)
        {
            return (null, $"The file has {records.Count - 1} rows; at most {options.Value.MaxRows} can be imported at once. Split it into smaller files.");
        }
        if (records.Count == 1) return (null, "The file has the column names but no rows of leads.");

        var import = new LeadImport { Id = Ids.New(), CreatedAt = time.GetUtcNow(), CreatedBy = actor };
        for (var i = 0; i < header.Count; i++)
        {
            if (fields[i] is { } f && !import.Columns.ContainsValue(f)) import.Columns[header[i]] = f;
            else import.IgnoredColumns.Add(header[i]);
        }

        var byEmail = await EmailsOnFileAsync(ct);
        var seenEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenPhone = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var (line, cells) in records.Skip(1))
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Count && i < header.Count; i++)
            {
                if (fields[i] is { } f && import.Columns.TryGetValue(header[i], out var mapped) && mapped == f) values[f] = cells[i];
            }
            var (lead, errors, warnings, proven) = ImportRowReader.Read(values, now);
            var row = new ImportRow { Line = line, Errors = errors, Warnings = warnings, ConsentProven = proven };
            if (cells.Count > header.Count) row.Warnings.Add($"The row has {cells.Count} cells and the header {header.Count} columns: the cells past the last column are ignored.");
            if (lead is null)
            {
                row.Outcome = ImportRow.Error;
            }
            else
            {
                var p = lead.Person;
                var matches = new Dictionary<Guid, List<string>>();
                if (p.Email is { } email && byEmail.TryGetValue(email, out var sameEmail))
                    foreach (var id in sameEmail) Add(matches, id, "email");
                if (p.Phone is { } phone)
                    foreach (var other in await leads.FindByPhoneAsync(phone, 20, ct))
                        if (other.MergedInto is null && other.ErasedAt is null) Add(matches, other.Id, "phone");
                row.PossibleSamePeople = [.. matches.Select(m => new ImportMatch(m.Key, null, m.Value))];
                var inFile = new List<string>();
                int? earlier = null;
                if (p.Email is { } e2 && seenEmail.TryGetValue(e2, out var emailLine)) { inFile.Add("email"); earlier = emailLine; }
                if (p.Phone is { } p2 && seenPhone.TryGetValue(p2, out var phoneLine)) { inFile.Add("phone"); earlier ??= phoneLine; }
                if (earlier is { } l) row.PossibleSamePeople.Add(new ImportMatch(null, l, inFile));
                if (p.Email is { } e3) seenEmail.TryAdd(e3, line);
                if (p.Phone is { } p3) seenPhone.TryAdd(p3, line);
                row.Outcome = row.PossibleSamePeople.Count > 0 ? ImportRow.PossibleSamePerson : ImportRow.Create;
                row.Payload = new ImportPayload { Json = JsonSerializer.Serialize(lead, Json), Name = $"{p.FirstName} {p.LastName}" };
            }
            import.Rows.Add(row);
        }
        await imports.TryInsertAsync(import, ct);
        logger.LogInformation("Import {ImportId} previewed by {Actor}: {Rows} rows, {Creatable} to create, {PossibleSame} possible same persons, {Errors} with errors",
            import.Id, actor, import.Rows.Count, import.Rows.Count(r => r.Outcome == ImportRow.Create), import.Rows.Count(r => r.Outcome == ImportRow.PossibleSamePerson),
            import.Rows.Count(r => r.Outcome == ImportRow.Error));
        return (import, null);

        static void Add(Dictionary<Guid, List<string>> matches, Guid id, string what)
        {
            if (!matches.TryGetValue(id, out var list)) matches[id] = list = [];
            if (!list.Contains(what)) list.Add(what);
        }
    }

    public Task<LeadImport?> GetAsync(Guid id, CancellationToken ct) => imports.GetAsync(id, ct);

    public Task<IReadOnlyList<LeadImport>> RecentAsync(CancellationToken ct) => imports.RecentAsync(20, ct);

    /// <summary>
    /// Applies a preview once: every row without errors (possible same persons included, linked to the leads they may be)
    /// becomes a submission. Null when there is no such import; <c>AlreadyApplied</c> when it was applied before.
    /// </summary>
    public async Task<(LeadImport? Import, bool AlreadyApplied)> ApplyAsync(Guid id, string actor, CancellationToken ct)
    {
        // Applied with the version check: a second apply meanwhile wins, and the fresh read shows it applied (three attempts).
        var result = await imports.UpdateAsync(id, (import, _) =>
        {
            if (import.Status == LeadImport.Applied) return false;
            Apply(import, actor, time.GetUtcNow());
            return true;
        }, new UpdateOptions<LeadImport> { Attempts = 3 }, ct);
        if (result.Document is not { } applied) return (null, false);
        if (!result.Updated) return (applied, true);
        logger.LogInformation("Import {ImportId} applied by {Actor}: {Created} leads submitted", id, actor, applied.Rows.Count(r => r.LeadId is not null));
        return (applied, false);
    }

    /// <summary>Every row without errors enqueued as a submission from the import's outbox; the rows' data is dropped.</summary>
    private static void Apply(LeadImport import, string actor, DateTimeOffset now)
    {
        foreach (var row in import.Rows.Where(r => r.Outcome != ImportRow.Error))
        {
            var lead = JsonSerializer.Deserialize<ImportedLead>(row.Payload.Json, Json)!;
            var leadId = Ids.New();
            var quoteRequestId = Ids.New();
            row.LeadId = leadId;
            import.Enqueue(new QuoteRequestSubmitted
            {
                LeadId = leadId, QuoteRequestId = quoteRequestId, OccurredAt = now, SiteId = FormId,
                Person = lead.Person, Inquiry = lead.Inquiry, Consent = lead.Consent,
                Source = new SubmissionSource { FormId = FormId, UtmSource = FormId, UtmMedium = lead.FileSource, PageUrl = null },
                // Leads on file, and the lead an earlier row of this file becomes: linked both ways by the journey's consumer.
                PossibleSameLeads = row.PossibleSamePeople
                    .Select(m => (Id: m.LeadId ?? import.Rows.FirstOrDefault(r => r.Line == m.Line)?.LeadId, m.Matched))
                    .Where(m => m.Id is not null)
                    .Select(m => new PossibleSameLead { LeadId = m.Id!.Value, Matched = m.Matched }).ToList() is { Count: > 0 } links ? links : null,
            }, now, conversationId: import.Id, correlationId: leadId);
        }
        foreach (var row in import.Rows) row.Payload = new ImportPayload(); // the leads hold the data now; a preview's errors stay
        import.Status = LeadImport.Applied;
        import.AppliedAt = now;
        import.AppliedBy = actor;
    }

    private async Task<Dictionary<string, List<Guid>>> EmailsOnFileAsync(CancellationToken ct)
    {
        var byEmail = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var lead in await leads.FindCreatedSinceAsync(DateTimeOffset.MinValue, MaxLeadsCompared, ct))
        {
            if (lead.MergedInto is not null || lead.ErasedAt is not null) continue;
            foreach (var email in lead.Submissions.Select(s => s.Person?.Email).Append(lead.Person?.Email))
            {
                if (string.IsNullOrWhiteSpace(email)) continue;
                var key = email.Trim().ToLowerInvariant();
                if (!byEmail.TryGetValue(key, out var ids)) byEmail[key] = ids = [];
                if (!ids.Contains(lead.Id)) ids.Add(lead.Id);
            }
        }
        return byEmail;
    }
}
