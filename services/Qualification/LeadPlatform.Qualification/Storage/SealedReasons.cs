using LeadPlatform.Contracts;
using LeadPlatform.Storage;
using LiteDB;

namespace LeadPlatform.Qualification.Storage;

/// <summary>
/// A decision's reasons are worded from the person's own answers ("already tried injections", "condition is …"): their
/// text is sealed at rest like the rest of the person. The rule ids, points, flags, tier and rule-set version (the
/// decision itself) stay in clear, and stay after an erasure.
/// </summary>
internal static class SealedReasons
{
    public const string ScorePurpose = "score-reason";
    public const string DisqualificationPurpose = "disqualification-reason";
    public static readonly string[] Fields = [nameof(ScoreReason.Text)];

    public static void Register(LiteDatabase database)
    {
        LiteDbFiles.SealFields<ScoreReason>(database, ScorePurpose, Fields);
        LiteDbFiles.SealFields<DisqualificationReason>(database, DisqualificationPurpose, Fields);
    }

    /// <summary>Runs when this assembly loads, before anything can ask MongoDB for a reason's serializer.</summary>
#pragma warning disable CA2255 // A library module initializer is exactly what makes the registration independent of first use.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterForMongo()
    {
        MongoConventions.SealFields<ScoreReason>(ScorePurpose, Fields);
        MongoConventions.SealFields<DisqualificationReason>(DisqualificationPurpose, Fields);
    }
}
