using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Templates;

/// <summary>Follow-up's message templates (no outbox: saving a template publishes nothing).</summary>
public interface ITemplateStore : IDocumentStore<MessageTemplate>
{
    /// <summary>Every template, retired ones included, by channel, language and name.</summary>
    Task<IReadOnlyList<MessageTemplate>> ListAsync(int max, CancellationToken cancellationToken = default);
}
