using System.Text;
using System.Text.Json;
using LeadPlatform.Compliance;
using LeadPlatform.Intake.Api;
using Microsoft.Extensions.Primitives;

namespace LeadPlatform.Intake.Forms;

/// <summary>
/// The patient's quote form, rendered on the server in one language: the first visit, and again with the person's
/// answers and an error beside each field the server refused (no JavaScript needed). Its own script
/// (<see cref="FormScript"/>, same origin, nothing third-party) runs the same checks before sending, when it can.
/// </summary>
internal static class QuoteFormPage
{
    public sealed record Model
    {
        public required string SiteId { get; init; }
        /// <summary>The form's own path (<c>/forms/example</c>), for the language switch.</summary>
        public required string FormPath { get; init; }
        public required string PathBase { get; init; }
        public required FormText Text { get; init; }
        /// <summary>What the person typed (a re-render), or the hidden attribution fields (a first visit).</summary>
        public required IReadOnlyDictionary<string, StringValues> Values { get; init; }
        public IReadOnlyList<FormErrors.Shown> Errors { get; init; } = [];
        public required string PrivacyUrl { get; init; }
        /// <summary>The query of the form's address to keep when switching language (utm_*).</summary>
        public string KeptQuery { get; init; } = string.Empty;
    }

    private static readonly string[] Hidden =
    [
        "source.formId", "source.pageUrl", "source.referrer", "source.utmSource", "source.utmMedium", "source.utmCampaign",
        "source.utmTerm", "source.utmContent", "formRenderedAt",
    ];

    public static string Render(Model model)
    {
        var t = model.Text;
        var html = new StringBuilder(24 * 1024);
        var title = model.Errors.Count > 0 ? $"{t.ErrorTitle} — {t.Title}" : t.Title;
        html.Append("<!doctype html><html lang=\"").Append(t.Language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title><style>").Append(FormStyle.Css).Append("</style>")
            .Append("<script src=\"").Append(E(model.PathBase)).Append(FormScript.Path).Append("\" defer></script></head><body><main class=\"form-page\" aria-labelledby=\"form-title\">");

        LanguageSwitch(html, model);
        html.Append("<h1 id=\"form-title\">").Append(E(t.Heading)).Append("</h1>")
            .Append("<p>").Append(E(t.Intro)).Append("</p>")
            .Append("<p class=\"note\">").Append(E(t.FdaNote)).Append("</p>");

        if (model.Errors.Count > 0)
        {
            html.Append("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">")
                .Append("<h2 id=\"error-summary-title\">").Append(E(t.ErrorSummary)).Append("</h2><ul id=\"errors\">");
            foreach (var error in model.Errors)
            {
                html.Append("<li><a href=\"#").Append(E(error.InputId)).Append("\" data-field=\"").Append(E(string.Join(' ', error.Fields))).Append("\">")
                    .Append(E(error.Message)).Append("</a></li>");
            }
            html.Append("</ul></div>");
        }
        html.Append("<p class=\"required-note\" id=\"required-note\">").Append(E(t.RequiredNote)).Append("</p>");

        html.Append("<form id=\"quote\" method=\"post\" action=\"").Append(E(model.PathBase)).Append("/api/v1/quote-requests\" novalidate data-enhance>");
        var f = new Fields(html, model);

        html.Append("<fieldset><legend>").Append(E(t.AboutYou)).Append("</legend>");
        f.Input("firstName", t.FirstName, required: true, autocomplete: "given-name", maxLength: QuoteRequestValidator.NameMax);
        f.Input("lastName", t.LastName, required: true, autocomplete: "family-name", maxLength: QuoteRequestValidator.NameMax);
        f.Input("dateOfBirth", t.DateOfBirth, required: true, type: "date", autocomplete: "bday");
        html.Append("</fieldset>");

        html.Append("<fieldset><legend>").Append(E(t.HowToReach)).Append("</legend><p class=\"hint\" id=\"reach-hint\">").Append(E(t.HowToReachHint)).Append("</p>");
        f.Input("email", t.Email, type: "email", autocomplete: "email", maxLength: QuoteRequestValidator.EmailMax, describedBy: "reach-hint", inputMode: "email");
        f.Input("phone", t.Phone, type: "tel", autocomplete: "tel", maxLength: QuoteRequestValidator.PhoneMax, hint: t.PhoneHint, describedBy: "reach-hint");
        f.Select("preferredChannel", t.PreferredChannel, [.. ChannelPolicy.All.Select(p => (p.Name, t.Choice(p.Channel)))], required: false);
        f.Select("country", t.Country, t.Countries, required: true, autocomplete: "country");
        f.Input("postalCode", t.PostalCode, autocomplete: "postal-code", maxLength: 16, hint: t.PostalCodeHint);
        html.Append("</fieldset>");

        html.Append("<fieldset><legend>").Append(E(t.YourCondition)).Append("</legend>");
        f.Select("condition", t.Condition, t.Conditions, required: true);
        f.Input("conditionOther", t.ConditionOther, maxLength: 200, hint: t.ConditionOtherHint, wrapperId: "condition-other");
        f.Input("symptomDurationMonths", t.SymptomMonths, type: "number", min: 0, max: 1200, inputMode: "numeric");
        f.Checkboxes("treatmentsTried", t.Treatments, t.TreatmentNames);
        f.TextArea("message", t.Message, QuoteRequestValidator.MessageMax);
        html.Append("</fieldset>");

        f.Consents();
        f.HealthConsent();

        html.Append("<input type=\"hidden\" name=\"language\" value=\"").Append(t.Language).Append("\">")
            .Append("<input type=\"hidden\" name=\"siteId\" value=\"").Append(E(model.SiteId)).Append("\">");
        foreach (var name in Hidden)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(E(f.Value(name))).Append("\">");
        }
        html.Append("<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">Leave this empty</label><input id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>")
            .Append("<button type=\"submit\">").Append(E(t.Submit)).Append("</button>")
            .Append("</form>")
            .Append("<p class=\"privacy\"><a href=\"").Append(E(model.PrivacyUrl)).Append("\" target=\"_blank\" rel=\"noopener\">").Append(E(t.Privacy)).Append("</a></p>");

        // The same checks in the browser: the messages and the health-data states, as data (not a script: nothing runs inline).
        var data = new
        {
            errors = t.Errors,
            healthZipPrefixes = HealthDataStates.ZipPrefixes.Select(p => new[] { p.From, p.To }),
            errorSummary = t.ErrorSummary,
            errorTitle = t.ErrorTitle,
        };
        html.Append("<script type=\"application/json\" id=\"form-data\">").Append(JsonSerializer.Serialize(data)).Append("</script>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void LanguageSwitch(StringBuilder html, Model model)
    {
        html.Append("<nav class=\"languages\" aria-label=\"").Append(E(model.Text.LanguageSwitch)).Append("\"><ul>");
        foreach (var language in FormTexts.All)
        {
            var href = $"{model.PathBase}{model.FormPath}?lang={language.Language}{model.KeptQuery}";
            html.Append("<li><a href=\"").Append(E(href)).Append("\" lang=\"").Append(language.Language).Append("\" hreflang=\"").Append(language.Language).Append('"');
            if (language == model.Text) html.Append(" aria-current=\"page\"");
            html.Append('>').Append(E(language.LanguageName)).Append("</a></li>");
        }
        html.Append("</ul></nav>");
    }

    private static string E(string? value) => FormPages.Encode(value ?? string.Empty);

    private sealed class Fields(StringBuilder html, Model model)
    {
        private FormText T => model.Text;

        public string Value(string name) => model.Values.TryGetValue(name, out var v) && v.Count > 0 ? v[^1] ?? string.Empty : string.Empty;

        private bool Ticked(string name) => model.Values.TryGetValue(name, out var v) && v.Any(x => x is "true" or "on" or "1" or "yes");

        private FormErrors.Shown? ErrorOf(string inputId) => model.Errors.FirstOrDefault(e => e.InputId == inputId);

        private void Label(string id, string label, bool required)
        {
            // The marker sits beside the label, not in it: the label (the field's name) stays the words alone; "required" is the input's.
            html.Append("<label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>");
            if (required) html.Append("<span class=\"req\" aria-hidden=\"true\">*</span>");
        }

        /// <summary>The hint and the error between label and input; returns the ids for aria-describedby.</summary>
        private string Describe(string id, string? hint, string? describedBy)
        {
            var ids = new List<string>();
            if (describedBy is not null) ids.Add(describedBy);
            if (hint is not null)
            {
                html.Append("<p class=\"hint\" id=\"").Append(id).Append("-hint\">").Append(E(hint)).Append("</p>");
                ids.Add(id + "-hint");
            }
            // The error's place is always there (empty without one), so the script shows its messages where the server does.
            var error = ErrorOf(id);
            html.Append("<p class=\"error\" id=\"").Append(id).Append("-error\"").Append(error is null ? " hidden" : string.Empty).Append('>')
                .Append(E(error?.Message)).Append("</p>");
            if (error is not null) ids.Add(id + "-error");
            return ids.Count == 0 ? string.Empty : $" aria-describedby=\"{string.Join(' ', ids)}\"";
        }

        private string Invalid(string id) => ErrorOf(id) is null ? string.Empty : " aria-invalid=\"true\"";

        public void Input(string name, string label, bool required = false, string type = "text", string? autocomplete = null, int? maxLength = null,
            string? hint = null, string? describedBy = null, string? inputMode = null, int? min = null, int? max = null, string? wrapperId = null)
        {
            var id = name;
            html.Append("<div class=\"field").Append(ErrorOf(id) is null ? string.Empty : " has-error").Append('"');
            if (wrapperId is not null) html.Append(" id=\"").Append(wrapperId).Append('"');
            html.Append('>');
            Label(id, label, required);
            var described = Describe(id, hint, describedBy);
            html.Append("<input id=\"").Append(id).Append("\" name=\"").Append(name).Append("\" type=\"").Append(type).Append('"')
                .Append(" value=\"").Append(E(Value(name))).Append('"');
            if (required) html.Append(" required");
            if (autocomplete is not null) html.Append(" autocomplete=\"").Append(autocomplete).Append('"');
            if (maxLength is not null) html.Append(" maxlength=\"").Append(maxLength).Append('"');
            if (inputMode is not null) html.Append(" inputmode=\"").Append(inputMode).Append('"');
            if (min is not null) html.Append(" min=\"").Append(min).Append('"');
            if (max is not null) html.Append(" max=\"").Append(max).Append('"');
            html.Append(described).Append(Invalid(id)).Append("></div>");
        }

        public void Select(string name, string label, IReadOnlyList<(string Code, string Name)> options, bool required, string? autocomplete = null)
        {
            var id = name;
            html.Append("<div class=\"field").Append(ErrorOf(id) is null ? string.Empty : " has-error").Append("\">");
            Label(id, label, required);
            var described = Describe(id, null, null);
            html.Append("<select id=\"").Append(id).Append("\" name=\"").Append(name).Append('"');
            if (required) html.Append(" required");
            if (autocomplete is not null) html.Append(" autocomplete=\"").Append(autocomplete).Append('"');
            html.Append(described).Append(Invalid(id)).Append('>');
            var current = Value(name);
            foreach (var (code, text) in options)
            {
                html.Append("<option value=\"").Append(E(code)).Append('"');
                if (string.Equals(code, current, StringComparison.OrdinalIgnoreCase)) html.Append(" selected");
                html.Append('>').Append(E(text)).Append("</option>");
            }
            html.Append("</select></div>");
        }

        public void TextArea(string name, string label, int maxLength)
        {
            var id = name;
            html.Append("<div class=\"field").Append(ErrorOf(id) is null ? string.Empty : " has-error").Append("\">");
            Label(id, label, required: false);
            var described = Describe(id, null, null);
            html.Append("<textarea id=\"").Append(id).Append("\" name=\"").Append(name).Append("\" rows=\"4\" maxlength=\"").Append(maxLength).Append('"')
                .Append(described).Append(Invalid(id)).Append('>').Append(E(Value(name))).Append("</textarea></div>");
        }

        public void Checkboxes(string name, string legend, IReadOnlyList<(string Code, string Name)> options)
        {
            var chosen = model.Values.TryGetValue(name, out var v) ? v.Select(x => x ?? string.Empty).ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
            var firstId = $"treatment-{options[0].Code}";
            html.Append("<fieldset class=\"choices\"><legend>").Append(E(legend)).Append("</legend>");
            var described = Describe(firstId, null, null);
            foreach (var (code, text) in options)
            {
                var id = $"treatment-{code}";
                html.Append("<label class=\"check\" for=\"").Append(id).Append("\"><input type=\"checkbox\" id=\"").Append(id).Append("\" name=\"").Append(name)
                    .Append("\" value=\"").Append(E(code)).Append('"');
                if (chosen.Contains(code)) html.Append(" checked");
                if (id == firstId) html.Append(described).Append(Invalid(id));
                html.Append("> <span>").Append(E(text)).Append("</span></label>");
            }
            html.Append("</fieldset>");
        }

        public void Consents()
        {
            html.Append("<fieldset class=\"consent choices").Append(model.Errors.Any(e => e.InputId.StartsWith("consent", StringComparison.Ordinal) && e.InputId != "consentHealthData") ? " has-error" : string.Empty)
                .Append("\" id=\"consent\" aria-describedby=\"consent-hint\"><legend>").Append(E(T.Consent)).Append("<span class=\"req\" aria-hidden=\"true\"> *</span></legend>")
                .Append("<p class=\"hint\" id=\"consent-hint\">").Append(E(T.ConsentHint)).Append("</p>");
            Consent("email", "consentEmail", T.EmailConsentText, T.ConsentTextVersion);
            Consent("sms", "consentSms", T.SmsConsentText, T.ConsentTextVersion);
            Consent("phone", "consentPhone", T.PhoneConsentText, T.ConsentTextVersion);
            html.Append("</fieldset>");
        }

        public void HealthConsent()
        {
            html.Append("<fieldset class=\"consent choices health").Append(ErrorOf("consentHealthData") is null ? string.Empty : " has-error")
                .Append("\" id=\"health-consent\" aria-describedby=\"health-explanation\"><legend>").Append(E(T.HealthLegend)).Append("</legend>")
                .Append("<p class=\"hint\" id=\"health-explanation\">").Append(E(T.HealthExplanation)).Append("</p>");
            Consent("healthData", "consentHealthData", T.HealthConsentText, T.HealthConsentTextVersion);
            html.Append("</fieldset>");
        }

        /// <summary>One consent box; the exact text shown and its version travel with the answer (the consent record).</summary>
        private void Consent(string channel, string id, string text, string version)
        {
            var described = Describe(id, null, null);
            html.Append("<label class=\"check\" for=\"").Append(id).Append("\"><input type=\"checkbox\" id=\"").Append(id)
                .Append("\" name=\"consent.").Append(channel).Append(".granted\" value=\"true\"");
            if (Ticked($"consent.{channel}.granted")) html.Append(" checked");
            html.Append(described).Append(Invalid(id)).Append("> <span id=\"").Append(id).Append("Text\">").Append(E(text)).Append("</span></label>")
                .Append("<input type=\"hidden\" name=\"consent.").Append(channel).Append(".text\" value=\"").Append(E(text)).Append("\">")
                .Append("<input type=\"hidden\" name=\"consent.").Append(channel).Append(".textVersion\" value=\"").Append(E(version)).Append("\">");
        }
    }
}
