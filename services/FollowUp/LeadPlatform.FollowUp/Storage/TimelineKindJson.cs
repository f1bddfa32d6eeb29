using LeadPlatform.Storage.Names;

namespace LeadPlatform.FollowUp.Storage;

/// <summary><see cref="TimelineKind"/> in JSON as its stored name (<see cref="TimelineKinds"/>).</summary>
public sealed class TimelineKindJson() : NameMapJsonConverter<TimelineKind>(TimelineKinds.Map);
