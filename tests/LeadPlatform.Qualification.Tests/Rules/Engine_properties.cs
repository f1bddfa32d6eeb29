using System.Globalization;
using CsCheck;
using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Rules;
using Xunit;

namespace LeadPlatform.Qualification.Tests.Rules;

/// <summary>Properties that hold for any request the form can send, checked on generated requests (CsCheck).</summary>
public sealed class Engine_properties
{
    private static readonly string[] Words =
    [
        "my", "back", "pain", "hurts", "since", "the", "MRI", "x-ray", "diagnosed", "spondylolysis", "Spain", "doctor",
        "L5", "fracture", "dolor", "resonancia", "sore", "football", "2019", "and", "scan", "please", "call", "me", "", "Ärztin",
    ];

    private static readonly Gen<string[]> Treatments =
        Gen.Int[0, 63].Select(mask => new[] { "rest", "physical_therapy", "bracing", "injections", "surgery", "yoga" }
            .Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    private static readonly Gen<QuoteRequestSubmitted> ValidRequests = Gen.Select(
        Gen.Select(
            Gen.OneOf("Lucía", "Maria", "Tess", "John", "Test", "Aaron", "Mickey", "Wei"),
            Gen.OneOf("Fernández", "Testa", "Doe", "Mouse", "Ng", "O'Neill", "Llewellyn"),
            Gen.OneOf<string?>(null, "lucia.fernandez@mailbox.org", "maria@gmail.com", "ana@example.com", "x@mailinator.com", "not-an-email"),
            Gen.OneOf<string?>(null, "+34612345678", "+14155550134", "612345678"),
            Gen.Int[1930, 2015].Select(Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => new DateOnly(y, m, d)).Nullable(0.2),
            Gen.Int[10, 90].Nullable(0.7),
            Gen.OneOf("US", "ES", "MX", "FR", "GB", "BR")),
        Gen.Select(
            Gen.OneOf("spondylolysis", "spondylolisthesis", "degenerative_disc_disease", "other", "scoliosis"),
            Gen.Int[0, 60].Nullable(0.15),
            Treatments,
            Gen.OneOf(Words).Array[0, 40].Select(w => string.Join(' ', w)).Null(0.3),
            Gen.OneOf("email", "sms", "phone"),
            Gen.OneOf<string?>(null, "28001", "94110"),
            Gen.Int[0, 7]),
        (person, inquiry) => new QuoteRequestSubmitted
        {
            LeadId = Guid.Parse("6f1c2d0e-0000-4000-8000-00000000000a"),
            QuoteRequestId = Guid.Parse("6f1c2d0e-0000-4000-8000-00000000000b"),
            OccurredAt = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero),
            SiteId = "clinic",
            Person = new PersonDetails
            {
                FirstName = person.Item1,
                LastName = person.Item2,
                Email = person.Item3,
                Phone = person.Item4,
                DateOfBirth = person.Item5,
                Age = person.Item6,
                Country = person.Item7,
                PostalCode = inquiry.Item6,
                PreferredChannel = inquiry.Item5,
                Language = "en",
            },
            Inquiry = new InquiryDetails
            {
                Condition = inquiry.Item1,
                SymptomDurationMonths = inquiry.Item2,
                TreatmentsTried = inquiry.Item3,
                Message = inquiry.Item4,
            },
            Consent = Requests.Consents(email: (inquiry.Item7 & 1) != 0, sms: (inquiry.Item7 & 2) != 0, phone: (inquiry.Item7 & 4) != 0),
            Source = new SubmissionSource { FormId = "free-quote" },
        });

    [Fact]
    public void The_score_is_always_exactly_the_sum_of_its_reasons()
    {
        ValidRequests.Sample(request =>
        {
            var outcome = request.Evaluate();

            Assert.Equal(outcome.Reasons.Sum(r => r.Points), outcome.Score);
            Assert.All(outcome.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Rule) || string.IsNullOrWhiteSpace(r.Text)));
        }, iter: 2_000);
    }

    [Fact]
    public void The_same_request_date_and_rule_set_always_give_the_same_outcome_whatever_the_culture()
    {
        var secondEngine = QualificationEngine.FromJson(RuleSet.ReadEmbeddedJson(RuleSet.DefaultVersion));
        ValidRequests.Sample(request =>
        {
            var first = Requests.Describe(request.Evaluate());
            var again = Requests.Describe(request.Evaluate());
            var otherEngine = Requests.Describe(secondEngine.Evaluate(request, Requests.Today));
            var previous = CultureInfo.CurrentCulture;
            string inTurkish;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
                inTurkish = Requests.Describe(request.Evaluate());
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }

            Assert.Equal(first, again);
            Assert.Equal(first, otherEngine);
            Assert.Equal(first, inTurkish);
        }, iter: 1_000);
    }

    [Fact]
    public void The_tier_is_the_one_the_thresholds_give_capped_at_B_when_flagged()
    {
        ValidRequests.Sample(request =>
        {
            var outcome = request.Evaluate();

            Assert.Equal(outcome.Disqualifications.Count == 0, outcome.Eligible);
            if (!outcome.Eligible)
            {
                Assert.Equal(("", ""), (outcome.Tier, outcome.ScoreTier));
                return;
            }
            var byScore = outcome.Score >= 70 ? "A" : outcome.Score >= 40 ? "B" : "C";
            Assert.Equal(byScore, outcome.ScoreTier);
            Assert.Equal(outcome.Flags.Count > 0 && byScore == "A" ? "B" : byScore, outcome.Tier);
        }, iter: 2_000);
    }

    [Fact]
    public void Flags_never_decide_eligibility()
    {
        // Clearing every cause of a flag changes the tier at most, never whether the lead is eligible.
        ValidRequests.Sample(request =>
        {
            var unflagged = request.WithInquiry(i => i with { Condition = "spondylolysis", SymptomDurationMonths = 12, TreatmentsTried = ["rest"] });

            Assert.Empty(unflagged.Evaluate().Flags);
            Assert.Equal(unflagged.Evaluate().Eligible, request.Evaluate().Eligible);
        }, iter: 1_000);
    }
}
