namespace LeadPlatform.Compliance;

/// <summary>How the gate lays out a cleared message of a channel: the body and its evidence disclaimer.</summary>
public enum ChannelLayout
{
    /// <summary>A short text: the body, a blank line, the disclaimer.</summary>
    Text = 0,

    /// <summary>An email: a subject, the body, a signature separator (<c>--</c>), the disclaimer.</summary>
    Email = 1,

    /// <summary>A script a coordinator reads: the disclaimer to read aloud first, then the talking points.</summary>
    CallScript = 2,
}
