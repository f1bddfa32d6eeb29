namespace LeadPlatform.IntegrationTests;

/// <summary>
/// The Jepsen-style count of a fault test, per phase: how many requests were accepted (202), and of those how many
/// ended exactly once downstream, were lost (none), duplicated (more than one), and recovered (not yet done when the
/// fault struck, done exactly once after it healed). Printed as a table and one summary line the notes can quote.
/// </summary>
public static class FaultTable
{
    public sealed record Row(string Phase, int Accepted, int ExactlyOnce, int Lost, int Duplicated, int Recovered);

    /// <summary>A row from the final count per lead, and which of those leads were already done when the fault struck.</summary>
    public static Row Count(string phase, IReadOnlyCollection<Guid> leads, Func<Guid, int> finalCount, Func<Guid, bool>? doneBeforeTheFault = null) => new(
        phase,
        leads.Count,
        leads.Count(l => finalCount(l) == 1),
        leads.Count(l => finalCount(l) == 0),
        leads.Count(l => finalCount(l) > 1),
        leads.Count(l => finalCount(l) == 1 && doneBeforeTheFault?.Invoke(l) == false));

    public static void Print(ITestOutputHelper output, string fault, string counted, IReadOnlyList<Row> rows)
    {
        output.WriteLine($"{fault} — counted: {counted}");
        output.WriteLine($"{"phase",-40} {"accepted",8} {"exactly once",12} {"lost",5} {"duplicated",10} {"recovered",9}");
        foreach (var r in rows)
            output.WriteLine($"{r.Phase,-40} {r.Accepted,8} {r.ExactlyOnce,12} {r.Lost,5} {r.Duplicated,10} {r.Recovered,9}");
        output.WriteLine(Summary(fault, counted, rows));
        output.WriteLine(string.Empty);
    }

    public static string Summary(string fault, string counted, IReadOnlyList<Row> rows) =>
        $"SUMMARY {fault}: {counted}: accepted {rows.Sum(r => r.Accepted)}, exactly once {rows.Sum(r => r.ExactlyOnce)}, "
        + $"lost {rows.Sum(r => r.Lost)}, duplicated {rows.Sum(r => r.Duplicated)}, recovered {rows.Sum(r => r.Recovered)}";

    public static void AssertExactlyOnce(IEnumerable<Row> rows) =>
        Assert.All(rows, r => Assert.Equal((r.Accepted, 0, 0), (r.ExactlyOnce, r.Lost, r.Duplicated)));
}
