namespace LeadPlatform.Compliance;

/// <summary>A channel sender. It accepts only a <see cref="ClearedOutreach"/>, which only the gate can make.</summary>
public interface IOutreachChannel
{
    OutreachChannel Channel { get; }

    Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken ct);
}
