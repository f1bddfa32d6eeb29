using LeadPlatform.Storage.Names;

namespace LeadPlatform.FollowUp.Storage;

/// <summary><see cref="LeadStatus"/> in JSON as its stored name (<see cref="LeadStatuses"/>).</summary>
public sealed class LeadStatusJson() : NameMapJsonConverter<LeadStatus>(LeadStatuses.Map);
