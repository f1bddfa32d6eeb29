namespace LeadPlatform.FollowUp;

/// <summary>How a tier's SLA (<c>FollowUp:Sla:{tier}</c>) is counted (<c>FollowUp:SlaBasis:{tier}</c>).</summary>
public enum SlaBasis
{
    /// <summary>Wall-clock time from qualification, nights and weekends included (tier A: 15 minutes).</summary>
    Elapsed,
    /// <summary>Time within business hours only (tier B: 4 business hours).</summary>
    BusinessHours,
    /// <summary>Whole business days after the day of qualification, due at closing time (tier C: 1, the next business day).</summary>
    BusinessDays,
}
