using BenchmarkDotNet.Attributes;
using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Rules;

namespace LeadPlatform.Benchmarks.Qualification;

/// <summary>
/// Decisions per second of the qualification engine on a mix of eight typical requests (qualified A and B, flagged,
/// with and without a message, and each kind of disqualification), against a baseline that only reads and hashes the
/// same fields. Run: <c>dotnet run -c Release --project tests/LeadPlatform.Benchmarks -- --filter '*Qualification*'</c>.
/// Decisions/s = 1e9 / Mean(ns) (each operation is one decision).
/// </summary>
[MemoryDiagnoser]
public class QualificationBenchmarks // not sealed: BenchmarkDotNet derives from it
{
    private const int Requests = 8;
    private static readonly DateOnly Today = new(2026, 11, 24);

    private QualificationEngine engine = null!;
    private QuoteRequestSubmitted[] requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = QualificationEngine.CreateDefault();
        var strong = Strong();
        requests =
        [
            strong,
            strong with { Inquiry = strong.Inquiry with { Message = "I was diagnosed with spondylolysis at L5 after an MRI last spring; the pain gets worse when I stand." } },
            strong with { Inquiry = strong.Inquiry with { TreatmentsTried = ["injections"], SymptomDurationMonths = 2 } },
            strong with { Inquiry = strong.Inquiry with { Condition = "other", ConditionOther = "sciatica", Message = "Dolor lumbar desde hace años, resonancia hecha." } },
            strong with { Person = strong.Person with { DateOfBirth = new DateOnly(2010, 3, 2) } },
            strong with { Person = strong.Person with { Email = "ana@example.com", FirstName = "Test" } },
            strong with { Person = strong.Person with { Email = "x.y@mailinator.com", Country = "FR" } },
            strong with { Consent = strong.Consent with { Email = new ChannelConsent { Granted = false }, Phone = new ChannelConsent { Granted = false } } },
        ];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public int ReadAndHashTheSameFields()
    {
        var total = 0;
        foreach (var r in requests)
        {
            var hash = new HashCode();
            hash.Add(r.Person.FirstName);
            hash.Add(r.Person.LastName);
            hash.Add(r.Person.Email);
            hash.Add(r.Person.Phone);
            hash.Add(r.Person.DateOfBirth);
            hash.Add(r.Person.Age);
            hash.Add(r.Person.Country);
            hash.Add(r.Person.PostalCode);
            hash.Add(r.Person.PreferredChannel);
            hash.Add(r.Inquiry.Condition);
            hash.Add(r.Inquiry.SymptomDurationMonths);
            var treatments = r.Inquiry.TreatmentsTried;
            for (var i = 0; i < treatments.Count; i++) hash.Add(treatments[i]);
            hash.Add(r.Inquiry.Message);
            hash.Add(r.Consent.Email.Granted);
            hash.Add(r.Consent.Sms.Granted);
            hash.Add(r.Consent.Phone.Granted);
            total += hash.ToHashCode();
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public int Evaluate()
    {
        var total = 0;
        foreach (var r in requests) total += engine.Evaluate(r, Today).Score;
        return total;
    }

    private static QuoteRequestSubmitted Strong() => new()
    {
        LeadId = Guid.Parse("6f1c2d0e-0000-4000-8000-000000000001"),
        QuoteRequestId = Guid.Parse("6f1c2d0e-0000-4000-8000-000000000002"),
        OccurredAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero),
        SiteId = "clinic-es",
        Person = new PersonDetails
        {
            FirstName = "Lucía",
            LastName = "Fernández",
            Email = "lucia.fernandez@mailbox.org",
            Phone = "+34612345678",
            DateOfBirth = new DateOnly(1990, 5, 17),
            Country = "ES",
            PostalCode = "28001",
            PreferredChannel = "email",
            Language = "es",
        },
        Inquiry = new InquiryDetails { Condition = "spondylolysis", SymptomDurationMonths = 12, TreatmentsTried = ["rest", "physical_therapy"] },
        Consent = new ConsentSnapshot
        {
            Email = new ChannelConsent { Granted = true, TextVersion = "consent-2026-10" },
            Sms = new ChannelConsent { Granted = false },
            Phone = new ChannelConsent { Granted = true, TextVersion = "consent-2026-10" },
        },
        Source = new SubmissionSource { FormId = "free-quote" },
    };
}
