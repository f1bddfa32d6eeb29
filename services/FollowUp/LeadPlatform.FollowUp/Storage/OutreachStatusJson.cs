using LeadPlatform.Storage.Names;

namespace LeadPlatform.FollowUp.Storage;

/// <summary><see cref="OutreachStatus"/> in JSON as its stored name (<see cref="OutreachStatuses"/>).</summary>
public sealed class OutreachStatusJson() : NameMapJsonConverter<OutreachStatus>(OutreachStatuses.Map);
