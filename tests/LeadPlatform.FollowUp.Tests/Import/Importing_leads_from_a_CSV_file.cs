using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;

namespace LeadPlatform.FollowUp.Tests.Import;

/// <summary>
/// An admin imports leads from a CSV over real HTTP: the preview names each bad row's fields in plain words and flags a
/// possible same person as a lead on file (nothing is created yet); applying creates the leads once, with the source
/// "import", linked to the lead they may be; consent is on file only where the file proves it (source, text, date), so a
/// row without proof cannot be texted (the gate says why) while one with proof can; files over the limits are refused.
/// </summary>
public sealed class Importing_leads_from_a_CSV_file : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private const string Header =
        "First Name,Last Name,Email,Phone,Condition,ZIP,Country,Language,SMS Consent Source,SMS Consent Text,SMS Consent Date,Favourite colour";
    private OutreachHost _host = null!;
    private DashboardSession _admin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var time = OutreachHost.DuringCallingHours(); // texts go out only in the lead's calling hours
        _host = await OutreachHost.StartWithAdminAsync(time, AdminEmail, Password,
            "--FollowUp:Import:MaxRows=5", "--FollowUp:Import:MaxBytes=4096");
        _admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password, time);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<HttpResponseMessage> UploadAsync(string csv, DashboardSession? as_ = null) =>
        await (as_ ?? _admin).Http.PostAsync("/api/v1/imports", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

    private async Task<JsonObject> PreviewAsync(string csv)
    {
        using var response = await UploadAsync(csv);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private async Task<JsonObject> ApplyAsync(JsonObject preview)
    {
        using var response = await _admin.Http.PostAsync($"/api/v1/imports/{preview["importId"]}/apply", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private static JsonNode Row(JsonObject import, int line) => import["rows"]!.AsArray().Single(r => (int)r!["line"]! == line)!;

    private async Task<LeadDocument> LeadOfAsync(JsonObject applied, int line)
    {
        var leadId = (Guid)Row(applied, line)["leadId"]!;
        return (await Eventually.GetAsync(() => _host.Leads.GetAsync(leadId, Ct), l => l is { Person: not null }, what: $"the lead of line {line}"))!;
    }

    [Fact]
    public async Task A_preview_shows_bad_rows_by_field_and_a_possible_same_person_and_applying_it_creates_the_leads_once_with_the_source_import()
    {
        var existing = await _host.SubmittedAsync(); // Maria Lopez, maria.lopez@fastmail.com
        var csv = Header + "\r\n"
                  + "Lucia,Romero,lucia.romero@example.org,+1 415 555 0199,Spondylolysis,94105,US,Spanish,Clinic web form 2025,I agree to receive text messages about my inquiry.,2025-06-01\r\n"
                  + ",Nobody,not-an-email,,Back pain,94105,Atlantis,,,,2025-06-01\r\n"
                  + "Maria,Lopez-Garcia,Maria.Lopez@fastmail.com,,degenerative disc disease,94110,US,en,,,\r\n";

        var preview = await PreviewAsync(csv);
        Assert.Equal("preview", (string?)preview["status"]);
        Assert.Equal(3, (int)preview["counts"]!["rows"]!);
        Assert.Equal(1, (int)preview["counts"]!["create"]!);
        Assert.Equal(1, (int)preview["counts"]!["errors"]!);
        Assert.Equal(1, (int)preview["counts"]!["possibleSamePerson"]!);
        Assert.Contains("Favourite colour", preview["ignoredColumns"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("postal_code", (string?)preview["columns"]!["ZIP"]);

        var good = Row(preview, 2);
        Assert.Equal("create", (string?)good["outcome"]);
        Assert.Equal(["sms"], good["consentProven"]!.AsArray().Select(c => (string)c!));
        var bad = Row(preview, 3);
        Assert.Equal("error", (string?)bad["outcome"]);
        var errors = bad["errors"]!.AsArray().ToDictionary(e => (string)e!["field"]!, e => (string)e!["message"]!);
        Assert.Equal("The first name is missing.", errors["first_name"]);
        Assert.Equal("The email is not an email address.", errors["email"]);
        Assert.StartsWith("The condition is not one the form offers", errors["condition"], StringComparison.Ordinal);
        Assert.StartsWith("The country is not one we know", errors["country"], StringComparison.Ordinal);
        Assert.Equal("The text message consent needs its source, text and date: the source and text are missing.", errors["sms_consent_source"]);
        var same = Row(preview, 4);
        Assert.Equal("possible_same_person", (string?)same["outcome"]);
        Assert.Equal(existing.LeadId, (Guid)same["possibleSamePeople"]![0]!["leadId"]!);
        Assert.Equal("email", (string?)same["possibleSamePeople"]![0]!["matched"]![0]);
        Assert.Null(await _host.Leads.GetAsync((Guid?)good["leadId"] ?? Guid.Empty, Ct)); // a preview creates nothing

        var applied = await ApplyAsync(preview);
        Assert.Equal("applied", (string?)applied["status"]);
        Assert.Equal(2, (int)applied["counts"]!["created"]!);
        Assert.Null(Row(applied, 3)["leadId"]); // the bad row is skipped
        var lucia = await LeadOfAsync(applied, 2);
        Assert.Equal("import", lucia.Submissions.Single().Source!.FormId);
        Assert.Equal("import", lucia.Submissions.Single().Source!.UtmSource); // the reports' source
        Assert.Equal("+14155550199", lucia.Person!.Phone);
        Assert.Equal("es", lucia.Person.Language);
        Assert.True(lucia.Consent!.Sms.Granted);
        Assert.Equal("import: Clinic web form 2025", lucia.Consent.Sms.TextVersion);
        Assert.False(lucia.Consent.Email.Granted);
        var maria2 = await LeadOfAsync(applied, 4);
        Assert.Contains(maria2.PossibleSamePeople, l => l.LeadId == existing.LeadId && l.Matched.Contains("email"));
        await Eventually.GetAsync(() => _host.Leads.GetAsync(existing.LeadId, Ct), l => l!.PossibleSamePeople.Exists(x => x.LeadId == maria2.Id), what: "the link on the lead on file");

        using var again = await _admin.Http.PostAsync($"/api/v1/imports/{preview["importId"]}/apply", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_row_without_consent_proof_is_imported_but_cannot_be_texted_while_a_row_with_proof_can()
    {
        var csv = Header + "\n"
                  + "Ana,Proof,,+1 415 555 0101,spondylolysis,94105,US,en,Clinic web form 2025,I agree to receive text messages about my inquiry.,2025-06-01T15:00:00Z\n"
                  + "Ben,Noproof,,+1 415 555 0102,spondylolysis,94105,US,en,,,\n";
        var preview = await PreviewAsync(csv);
        Assert.Contains("No proof of text message consent in the file: no texts until the person gives it.",
            Row(preview, 3)["warnings"]!.AsArray().Select(w => (string?)w));
        var applied = await ApplyAsync(preview);
        var withProof = await LeadOfAsync(applied, 2);
        var without = await LeadOfAsync(applied, 3);

        using (var refused = await _host.SendAsync(without.Id, "sms", "Hi Ben, this is the spine clinic. When is a good time to call you?"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("consent for this channel was not granted", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using var sent = await _host.SendAsync(withProof.Id, "sms", "Hi Ana, this is the spine clinic. When is a good time to call you?");
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_limits_or_without_column_names_is_refused_naming_the_file_and_coordinators_cannot_import()
    {
        var tooMany = Header + "\n" + string.Concat(Enumerable.Range(0, 6).Select(i => $"A{i},B,a{i}@example.org,,spondylolysis,94105,US,en,,,\n"));
        using (var rows = await UploadAsync(tooMany))
        {
            Assert.Equal(HttpStatusCode.BadRequest, rows.StatusCode);
            Assert.Contains("at most 5 can be imported at once", (string)(await rows.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["file"]![0]!, StringComparison.Ordinal);
        }
        using (var big = await UploadAsync(Header + "\n" + new string('x', 5000)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
            Assert.Contains("larger than 4 KB", (string)(await big.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["file"]![0]!, StringComparison.Ordinal);
        }
        using (var headless = await UploadAsync("Lucia,Romero,lucia@example.org\n"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, headless.StatusCode);
            Assert.Contains("does not name the columns", await headless.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using var ana = await _host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
        using var forbidden = await UploadAsync(Header + "\n", ana);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
