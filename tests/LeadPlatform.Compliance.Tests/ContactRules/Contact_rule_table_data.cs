namespace LeadPlatform.Compliance.Tests.ContactRules;

/// <summary>The embedded table loads, names its sources, covers the form's countries; a broken table fails with clear errors.</summary>
public sealed class Contact_rule_table_data
{
    private const string Locations = """{ "version": "t", "zip3": [ { "from": "320", "to": "349", "state": "FL" } ], "areaCodes": { "305": "FL" } }""";

    [Fact]
    public void Every_rule_names_its_source_and_version()
    {
        var table = ContactRuleTable.Default;

        Assert.False(string.IsNullOrWhiteSpace(table.Version));
        Assert.All(table.Rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
            Assert.Matches(@"^[a-z0-9.\-]+@\w+$", r.Key);
        });
        Assert.Contains(table.Rules, r => r.Key == "us.tcpa.calling-hours@1" && r.Source.Contains("64.1200(c)(1)", StringComparison.Ordinal));
        Assert.Contains(table.Rules, r => r.Key == "us-fl.ftsa@1" && r.Source.Contains("501.059(8)(a)", StringComparison.Ordinal) && r.FrequencyMax == 3);
        Assert.Contains(table.Rules, r => r.Key == "us-ok.otsa@1" && r.Source.Contains("775C", StringComparison.Ordinal) && r.FrequencyMax == 3);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("CA")]
    [InlineData("GB")]
    [InlineData("ES")]
    [InlineData("MX")]
    [InlineData("PT")]
    [InlineData("BR")]
    public void Every_country_the_intake_form_offers_has_a_row_of_its_own(string country)
    {
        Assert.Contains(ContactRuleTable.Default.Rules, r => r.Jurisdictions.Contains("country:" + country));
    }

    [Fact]
    public void The_intake_forms_country_list_is_the_one_these_tests_cover()
    {
        // The form's countries are data in intake's form texts (one list per language, the same codes in each).
        var texts = File.ReadAllText(Path.Combine(RepoRoot(), "services/Intake/LeadPlatform.Intake/Forms/FormTexts.cs"));
        var lists = System.Text.RegularExpressions.Regex.Matches(texts, @"Countries = \[(.*?)\],")
            .Select(l => System.Text.RegularExpressions.Regex.Matches(l.Groups[1].Value, "\\(\"([A-Z]{2})\"").Select(m => m.Groups[1].Value).Order().ToList())
            .ToList();

        Assert.Equal(3, lists.Count); // en, es, pt
        Assert.All(lists, offered => Assert.Equal(["BR", "CA", "ES", "GB", "MX", "PT", "US"], offered));
    }

    [Theory]
    [InlineData("33101", "FL")]
    [InlineData("10001", "NY")]
    [InlineData("73102", "OK")]
    [InlineData("74103-1234", "OK")]
    [InlineData("90210", "CA")]
    [InlineData("60601", "IL")]
    [InlineData("20500", "DC")]
    [InlineData("00901", "PR")]
    [InlineData("09012", null)] // military (APO/FPO Europe)
    [InlineData("1234", null)]
    public void A_zip_code_maps_to_its_state(string zip, string? state) => Assert.Equal(state, ContactRuleTable.Default.StateOfZip(zip));

    [Theory]
    [InlineData("305", "FL")]
    [InlineData("850", "FL")]
    [InlineData("405", "OK")]
    [InlineData("918", "OK")]
    [InlineData("212", "NY")]
    [InlineData("312", "IL")]
    [InlineData("800", null)] // toll-free
    [InlineData("416", null)] // Toronto
    public void An_area_code_maps_to_its_state(string areaCode, string? state) => Assert.Equal(state, ContactRuleTable.Default.StateOfAreaCode(areaCode));

    public static TheoryData<string, string> BrokenTables() => new()
    {
        { """{ "version": "x", "rules": [ { "id": "a", "version": "1", "title": "t", "jurisdictions": ["country:*"], "channels": ["sms"], "window": { "from": "08:00", "until": "21:00" } } ] }""", "rules[0].source: is required" },
        { """{ "version": "x", "rules": [ { "id": "a", "version": "1", "title": "t", "source": "s", "jurisdictions": ["country:*"], "channels": ["sms"], "window": { "from": "21:00", "until": "08:00" } } ] }""", "rules[0].window: from (21:00) must be before until (08:00)" },
        { """{ "version": "x", "rules": [ { "id": "a", "version": "1", "title": "t", "source": "s", "jurisdictions": ["country:*"], "channels": ["sms"], "window": { "from": "8am", "until": "21:00" } } ] }""", "rules[0].window.from: '8am' is not a time (HH:mm)" },
        { """{ "version": "x", "rules": [ { "id": "a", "version": "1", "title": "t", "source": "s", "jurisdictions": ["state:US-XX", "country:*"], "channels": ["sms"], "window": { "from": "08:00", "until": "21:00" } } ] }""", "rules[0].jurisdictions: 'state:US-XX' is not" },
        { """{ "version": "x", "rules": [ { "id": "a", "version": "1", "title": "t", "source": "s", "jurisdictions": ["country:*"], "channels": ["fax"], "window": { "from": "08:00", "until": "21:00" } } ] }""", "rules[0].channels: 'fax' is not sms, phone or email" },
        { """{ "version": "x", "rules": [ { "id": "a", "version": "1", "title": "t", "source": "s", "jurisdictions": ["country:*"], "channels": ["sms"], "frequency": { "max": 0, "windowHours": 24 } } ] }""", "rules[0].frequency.max: must be at least 1" },
        { """{ "version": "x", "rules": [ { "id": "a", "version": "1", "title": "t", "source": "s", "jurisdictions": ["country:*"], "channels": ["sms"], "window": { "from": "08:00", "until": "21:00" } }, { "id": "a", "version": "1", "title": "t", "source": "s", "jurisdictions": ["country:US"], "channels": ["sms"], "window": { "from": "08:00", "until": "21:00" } } ] }""", "rules[1].id: 'a' is used twice" },
        { """{ "version": "x", "rules": [ { "id": "a", "version": "1", "title": "t", "source": "s", "jurisdictions": ["country:US"], "channels": ["sms"], "window": { "from": "08:00", "until": "21:00" } } ] }""", "exactly one rule must apply to 'country:*'" },
        { """{ "rules": [ """, "contact-rules: not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BrokenTables))]
    public void A_broken_table_is_refused_at_load_naming_the_field(string rules, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ContactRuleTable.Parse(rules, Locations));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_location_data_is_refused_at_load()
    {
        const string rules = """{ "version": "x", "rules": [ { "id": "a", "version": "1", "title": "t", "source": "s", "jurisdictions": ["country:*"], "channels": ["sms"], "window": { "from": "08:00", "until": "21:00" } } ] }""";
        const string locations = """{ "version": "t", "zip3": [ { "from": "320", "to": "349", "state": "FL" }, { "from": "340", "to": "350", "state": "AL" } ], "areaCodes": { "105": "FL", "305": "Florida" } }""";

        var error = Assert.Throws<FormatException>(() => ContactRuleTable.Parse(rules, locations));

        Assert.Contains("zip3[1]: 340-350 overlaps 320-349", error.Message, StringComparison.Ordinal);
        Assert.Contains("areaCodes.105: not a NANP area code", error.Message, StringComparison.Ordinal);
        Assert.Contains("areaCodes.305: 'Florida' is not a US state", error.Message, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadPlatform.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("LeadPlatform.sln not found above the test directory.");
    }
}
