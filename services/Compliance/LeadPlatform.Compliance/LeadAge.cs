namespace LeadPlatform.Compliance;

/// <summary>Whether a lead is known to be a minor, from a date of birth or an age stated at a known time.</summary>
public static class LeadAge
{
    public const int AdultAge = 18;

    /// <summary>
    /// True when the date of birth makes the lead under 18 on <paramref name="now"/>'s UTC date (a 29 February birthday
    /// counts on 1 March in common years), or, without one, when the age stated at <paramref name="statedAt"/> plus the
    /// whole years since cannot yet reach 18. Null when neither is known.
    /// </summary>
    public static bool? IsMinor(DateOnly? dateOfBirth, int? statedAge, DateTimeOffset statedAt, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (dateOfBirth is { } dob)
        {
            var age = today.Year - dob.Year;
            if (today.Month < dob.Month || (today.Month == dob.Month && today.Day < dob.Day)) age--;
            return age < AdultAge;
        }

        if (statedAge is { } stated)
        {
            var then = DateOnly.FromDateTime(statedAt.UtcDateTime);
            var years = today.Year - then.Year;
            if (today.Month < then.Month || (today.Month == then.Month && today.Day < then.Day)) years--;
            // Someone 17 when they said so may turn 18 the next day; only a full year later is it certain.
            return stated + Math.Max(0, years) < AdultAge;
        }

        return null;
    }
}
