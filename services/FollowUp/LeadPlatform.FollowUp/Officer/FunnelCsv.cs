using System.Globalization;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>The reports as CSV: the funnel (one row per group, "all" first) and the speed to lead (one row per group of each breakdown).</summary>
public static class FunnelCsv
{
    public static readonly string[] FunnelHeader =
    [
        "group_by", "group", "submitted", "qualified", "contacted", "consultation_booked", "qualified_rate", "contacted_rate", "consultation_booked_rate",
    ];

    public static readonly string[] SpeedHeader = ["measure", "group", "leads", "p50_seconds", "p90_seconds"];

    public static string Funnel(FunnelFigures f) => Csv.Write(FunnelHeader,
        new[] { f.Overall }.Concat(f.Groups).Select(g => (IReadOnlyList<string?>)
        [
            g == f.Overall ? "all" : f.GroupBy, g.Key, .. g.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture)),
            .. g.Rates.Skip(1).Select(r => r.ToString("0.####", CultureInfo.InvariantCulture)),
        ]));

    public static string Speed(FunnelFigures f)
    {
        IEnumerable<(string Measure, SpeedGroup Group)> rows =
        [
            ("first_human_contact", new SpeedGroup("all", f.SpeedToFirstHumanContact)),
            ("automatic_acknowledgement", new SpeedGroup("all", f.SpeedToAcknowledgement)),
            .. f.SpeedByCoordinator.Select(g => ("first_human_contact_by_coordinator", g)),
            .. f.SpeedBySource.Select(g => ("first_human_contact_by_source", g)),
            .. f.SpeedByHourOfArrival.Select(g => ("first_human_contact_by_hour_of_arrival", g)),
        ];
        return Csv.Write(SpeedHeader, rows.Select(r => (IReadOnlyList<string?>)
        [
            r.Measure, r.Group.Key, r.Group.Speed.Leads.ToString(CultureInfo.InvariantCulture),
            r.Group.Speed.P50Seconds?.ToString(CultureInfo.InvariantCulture), r.Group.Speed.P90Seconds?.ToString(CultureInfo.InvariantCulture),
        ]));
    }
}
