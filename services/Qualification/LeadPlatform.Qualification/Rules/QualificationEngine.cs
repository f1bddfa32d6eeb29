using LeadPlatform.Contracts;

namespace LeadPlatform.Qualification.Rules;

/// <summary>
/// Decides eligibility, score and tier of a quote request. Pure: the same request, date and rule set always give the
/// same outcome. (Walking-skeleton rules; the versioned rule set replaces them.)
/// </summary>
public sealed class QualificationEngine
{
    public const string Version = "skeleton-1";

    public QualificationOutcome Evaluate(QuoteRequestSubmitted request, DateOnly today)
    {
        var disqualifications = new List<DisqualificationReason>();
        var age = request.Person.Age ?? AgeOn(request.Person.DateOfBirth, today);
        if (age is < 18) disqualifications.Add(new DisqualificationReason { Rule = "under_18", Text = "The person is under 18." });
        var consent = request.Consent;
        if (!consent.Email.Granted && !consent.Sms.Granted && !consent.Phone.Granted)
            disqualifications.Add(new DisqualificationReason { Rule = "no_consented_channel", Text = "No channel was consented to." });

        var reasons = new List<ScoreReason>();
        if (request.Inquiry.Condition == "spondylolysis")
            reasons.Add(new ScoreReason { Rule = "condition_match", Points = 40, Text = "condition is spondylolysis" });
        if (request.Inquiry.SymptomDurationMonths >= 3)
            reasons.Add(new ScoreReason { Rule = "symptom_duration", Points = 20, Text = "symptoms for 3 months or more" });
        if (request.Inquiry.TreatmentsTried.Count > 0)
            reasons.Add(new ScoreReason { Rule = "treatments_tried", Points = 20, Text = "conservative treatment already tried" });
        var score = reasons.Sum(r => r.Points);
        var eligible = disqualifications.Count == 0;
        return new QualificationOutcome
        {
            Eligible = eligible,
            Tier = !eligible ? string.Empty : score >= 70 ? "A" : score >= 40 ? "B" : "C",
            Score = score,
            Reasons = reasons,
            Flags = [],
            Disqualifications = disqualifications,
            RuleSetVersion = Version,
        };
    }

    private static int? AgeOn(DateOnly? dateOfBirth, DateOnly today)
    {
        if (dateOfBirth is not { } dob) return null;
        var age = today.Year - dob.Year;
        return dob.AddYears(age) > today ? age - 1 : age;
    }
}
