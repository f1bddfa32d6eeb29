using Microsoft.Extensions.Primitives;

namespace LeadPlatform.Intake.Forms;

/// <summary>
/// The server's field errors (dotted API names such as <c>consent.sms</c>) turned into what a patient reads: a plain
/// sentence in the form's language, beside the input it is about. No developer name ever reaches the page.
/// </summary>
internal static class FormErrors
{
    /// <summary>One message beside one input: the input's id, the API fields behind it, the sentence.</summary>
    public sealed record Shown(string InputId, IReadOnlyList<string> Fields, string Message);

    /// <summary>The input each API field is shown beside, in the order of the page.</summary>
    private static readonly (string Field, string InputId)[] Anchors =
    [
        ("firstName", "firstName"), ("lastName", "lastName"), ("dateOfBirth", "dateOfBirth"), ("age", "dateOfBirth"),
        ("email", "email"), ("phone", "phone"), ("preferredChannel", "preferredChannel"), ("country", "country"),
        ("postalCode", "postalCode"), ("condition", "condition"), ("conditionOther", "conditionOther"),
        ("symptomDurationMonths", "symptomDurationMonths"), ("treatmentsTried", "treatment-rest"), ("message", "message"),
        ("consent", "consentEmail"), ("consent.email", "consentEmail"), ("consent.sms", "consentSms"), ("consent.phone", "consentPhone"),
        ("consent.healthData", "consentHealthData"),
    ];

    public static IReadOnlyList<Shown> For(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, StringValues> values, FormText text)
    {
        var byInput = new List<(string InputId, List<string> Fields, List<string> Messages)>();
        var generic = new List<string>();
        foreach (var field in errors.Keys)
        {
            var anchor = AnchorOf(field);
            if (anchor is null)
            {
                generic.Add(field);
                continue;
            }
            var message = MessageFor(AnchorField(field), values, text);
            var entry = byInput.Find(e => e.InputId == anchor);
            if (entry.InputId is null) byInput.Add((anchor, [field], [message]));
            else
            {
                entry.Fields.Add(field);
                if (!entry.Messages.Contains(message)) entry.Messages.Add(message);
            }
        }
        var order = Anchors.Select(a => a.InputId).Distinct().ToList();
        var shown = byInput.OrderBy(e => order.IndexOf(e.InputId))
            .Select(e => new Shown(e.InputId, e.Fields, string.Join(" ", e.Messages))).ToList();
        // Hidden fields (attribution, the render time) and the like: the patient cannot fix them, only send the form again.
        if (generic.Count > 0) shown.Add(new Shown("quote", generic, text.Errors["form.invalid"]));
        return shown;
    }

    /// <summary>consent.sms.text → consent.sms; an unknown field → null.</summary>
    private static string? AnchorOf(string field)
    {
        var known = AnchorField(field);
        return Array.Find(Anchors, a => a.Field == known).InputId;
    }

    private static string AnchorField(string field) =>
        field.StartsWith("consent.", StringComparison.Ordinal) && field.Split('.') is { Length: 3 } parts ? $"{parts[0]}.{parts[1]}" : field;

    private static string MessageFor(string field, IReadOnlyDictionary<string, StringValues> values, FormText text)
    {
        if (field == "age") field = "dateOfBirth";
        var empty = field switch
        {
            "consent" or "consent.healthData" => true,
            "email" => string.IsNullOrWhiteSpace(Value(values, "email")) && string.IsNullOrWhiteSpace(Value(values, "phone")),
            _ => string.IsNullOrWhiteSpace(Value(values, field)),
        };
        var key = $"{field}.{(empty ? "required" : "invalid")}";
        if (text.Errors.TryGetValue(key, out var message)) return message;
        return text.Errors.TryGetValue($"{field}.invalid", out message) ? message
            : text.Errors.TryGetValue($"{field}.required", out message) ? message
            : text.Errors["form.invalid"];
    }

    private static string? Value(IReadOnlyDictionary<string, StringValues> values, string name) =>
        values.TryGetValue(name, out var v) ? v.ToString() : null;
}
