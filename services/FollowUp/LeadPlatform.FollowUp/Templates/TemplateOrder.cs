namespace LeadPlatform.FollowUp.Templates;

internal static class TemplateOrder
{
    public static IReadOnlyList<MessageTemplate> Sort(IEnumerable<MessageTemplate> templates) =>
    [
        .. templates.OrderBy(t => t.Retired)
            .ThenBy(t => t.Channel, StringComparer.Ordinal)
            .ThenBy(t => t.Language, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase),
    ];
}
