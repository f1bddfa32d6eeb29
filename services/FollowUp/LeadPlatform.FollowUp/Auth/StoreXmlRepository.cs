using System.Xml.Linq;
using LeadPlatform.Storage;
using LeadPlatform.Storage.Privacy;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// Data Protection's key ring in follow-up's store instead of the local file system: a session cookie issued by one
/// replica is read by the others, and survives a restart of a container whose file system is thrown away. Each key's
/// XML is sealed with the Privacy keys (all replicas of a service share them already). Data Protection calls this
/// synchronously, rarely (at start and when a key is created), so the store's tasks are waited on here, a read for at
/// most <see cref="ReadTimeout"/>: its hosted service reads the ring on the host's start path, and with the store
/// unreachable MongoDB's 30 s server selection would otherwise hold the start that long (past the startup probe's
/// window with the other waits of a start). A read that fails is logged by Data Protection and tried again at next use.
/// </summary>
internal sealed class StoreXmlRepository(IDataProtectionKeyStore store, PersonalDataProtector protector, TimeProvider time) : IXmlRepository
{
    private const string Purpose = "dataprotection-key";
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var bounded = new CancellationTokenSource(ReadTimeout);
        return [.. store.ListAsync(bounded.Token).GetAwaiter().GetResult().Select(k => XElement.Parse(protector.Unprotect(k.Xml, Purpose)))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        var key = new DataProtectionKey
        {
            Id = Ids.New(),
            FriendlyName = friendlyName,
            Xml = protector.Protect(element.ToString(SaveOptions.DisableFormatting), Purpose),
            StoredAt = time.GetUtcNow(),
        };
        if (!store.TryInsertAsync(key).GetAwaiter().GetResult())
            throw new InvalidOperationException($"The Data Protection key {friendlyName} could not be stored.");
    }
}
