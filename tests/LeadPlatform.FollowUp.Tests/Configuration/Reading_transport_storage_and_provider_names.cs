using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.ServiceDefaults.Storage;
using LeadPlatform.Storage.Names;

namespace LeadPlatform.FollowUp.Tests.Configuration;

/// <summary>
/// <c>Bus:Transport</c>, <c>Storage:Provider</c> and <c>FollowUp:Sms:Provider</c> are read into enums through one name
/// map each: every value has the name the deployment files use and reads back from it in any case; a name that is none
/// of them stops the service with an error naming the setting and the allowed names (a misspelt transport or storage
/// used to mean RabbitMQ or MongoDB without a word).
/// </summary>
public sealed class Reading_transport_storage_and_provider_names
{
    [Fact]
    public void Every_transport_round_trips_through_its_name()
        => RoundTrips(BusTransportNames.Map, new Dictionary<BusTransport, string> { [BusTransport.RabbitMq] = "RabbitMq", [BusTransport.InProcess] = "InProcess" });

    [Fact]
    public void Every_storage_provider_round_trips_through_its_name()
        => RoundTrips(StorageProviderNames.Map, new Dictionary<StorageProvider, string> { [StorageProvider.MongoDb] = "MongoDb", [StorageProvider.LiteDb] = "LiteDb" });

    [Fact]
    public void Every_sms_provider_round_trips_through_its_name()
        => RoundTrips(SmsProviderNames.Map, new Dictionary<SmsProvider, string> { [SmsProvider.File] = "file", [SmsProvider.Http] = "http" });

    [Fact]
    public void The_older_InMemory_still_means_in_process_and_an_unset_sms_provider_means_files()
    {
        Assert.True(new BusOptions { Transport = "inmemory" }.IsInProcess);
        Assert.Equal(BusTransport.RabbitMq, new BusOptions().TransportKind);
        Assert.Equal(StorageProvider.MongoDb, new StorageOptions().ProviderKind);
        Assert.Equal(SmsProvider.File, new SmsProviderOptions().ProviderKind);
        Assert.Equal(SmsProvider.File, new SmsProviderOptions { Provider = "  " }.ProviderKind);
        Assert.True(new SmsProviderOptions { Provider = " HTTP " }.UsesHttp);
    }

    [Fact]
    public void A_misspelt_name_is_refused_naming_the_setting_and_the_allowed_names()
    {
        Assert.Equal("Bus:Transport 'RabbitMQQ' is unknown: use RabbitMq or InProcess.",
            Assert.Throws<InvalidOperationException>(() => new BusOptions { Transport = "RabbitMQQ" }.IsInProcess).Message);
        Assert.Equal("Storage:Provider 'Lite' is unknown: use MongoDb or LiteDb.",
            Assert.Throws<InvalidOperationException>(() => new StorageOptions { Provider = "Lite" }.IsLiteDb).Message);
        Assert.Equal("FollowUp:Sms:Provider 'carrier-pigeon' is unknown: use file or http.",
            Assert.Throws<InvalidOperationException>(() => new SmsProviderOptions { Provider = "carrier-pigeon" }.UsesHttp).Message);
    }

    [Fact]
    public async Task Follow_up_does_not_start_with_an_unknown_sms_provider()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => OutreachHost.StartAsync(null, "--FollowUp:Sms:Provider=carrier-pigeon"));

        var inner = error;
        while (inner is not InvalidOperationException && inner.InnerException is not null) inner = inner.InnerException;
        Assert.Equal("FollowUp:Sms:Provider 'carrier-pigeon' is unknown: use file or http.", inner.Message);
    }

    private static void RoundTrips<TEnum>(NameMap<TEnum> map, IReadOnlyDictionary<TEnum, string> stored)
        where TEnum : struct, Enum
    {
        // The names stay exactly those the appsettings, compose files and manifests use.
        Assert.Equal(Enum.GetValues<TEnum>().Order(), stored.Keys.Order());
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var name = map.NameOf(value);
            Assert.Equal(stored[value], name);
            Assert.Equal(value, map.Parse(name));
            Assert.Equal(value, map.Parse(name.ToUpperInvariant()));
            Assert.Equal(value, map.Parse(" " + name.ToLowerInvariant() + " "));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => map.NameOf((TEnum)(object)99));
    }
}
