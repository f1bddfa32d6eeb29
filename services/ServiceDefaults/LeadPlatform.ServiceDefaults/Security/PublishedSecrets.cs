namespace LeadPlatform.ServiceDefaults.Security;

/// <summary>
/// The SHA-256 digests of every secret value published in this repository: the examples of <c>deploy/.env.example</c>,
/// the development defaults in the source (the development encryption key, lookup secret, person-key secret, unsubscribe
/// key, the standalone host's example site key) and <c>appsettings*.json</c>. Kept as digests so the list itself
/// publishes nothing new; <c>Refusing_published_and_placeholder_secrets</c> reads those files and fails when a value in
/// them is missing here (and the placeholders of <c>deploy/kubernetes/secrets.yaml</c> are refused by their wording).
/// </summary>
public static class PublishedSecrets
{
    private static readonly HashSet<string> Digests = new(StringComparer.Ordinal)
    {
        "05dd2489ad47e30cd93e10d8b9e7b06a514edba79a0a85255fdd0c631f7bf5b4",
        "357801debc1c0e1c75eced38562567e810f53c37c220255a9a1948776f387ab7",
        "39970b0a82687481b4ea8d9338c9aff7de495ee08507b7ae17654664d4e550c1",
        "3f9cf9264af2e466607db48dcd91e092911687a5e8cf90141e3737a77f995f4a",
        "51643eac9777b63a7b268174d1fd4276daedec9bc9ea0bc6e5abf69047bc54f6",
        "53e1895e47df87655156ab3985fba489bd6ecbc4e3ddb355d4e0c34d42c925dd",
        "63c3e778894c6a52dbefdacc1f635d2951a98315fdaf723fe3191cc16c78e4c3",
        "6f56a36483e082d0e9d681f545222baf6c2e040391549b1dd0a6b6cff1b07126",
        "751e74e06c129044400ec22f9ab020638988e8dd463d682902aa54fe9c824153",
        "84983c60f7daadc1cb8698621f802c0d9f9a3c3c295c810748fb048115c186ec",
        "84eb677aa3cb230022ad1a4fdf32c4150098c9e243502bea1e73a4e32a52c4b5",
        "8aff7ea82cd6fd2591d7fe46903fee6cfd6a503d389b5f568b6803149d4d8775",
        "90b8b97768ebe7135184f8b89dbb041a9b4ff6d3209272dc94c0c384db3778e0",
        "9d7032a81a4759803fd46d974e594bcd4f7a3b8a5c07270e58e9e12c14fd4cf0",
        "a023b8b2131f57b22fd259545475fb2dac50f510a20ebee7339dc930e6aa6b86",
        "a6a853f2bd540e3b41abb9e6413b8b9d608787333d2e23f00489e4882a9d5789",
        "add3f758db8fe6282537483b459f75ec4bcb18d692cd81870d0d3cb487a3aff5",
        "c57cc3b55d39f9a6f772f508e3821e0a280822352c0d0f0d259fba63b74da9a0",
        "d2661eb8830995f966fc262bcad07af8f8045c1a0e7ca755da0596661004e504",
        "d44f74b5386f58b835015a4f5343b14c7535a9063d5302d36b6511dd0bc05e29",
        "d47e037673470b1ff3240441051af87f950f8234b8d7ef7521609e1b053d2a69",
        "df8fd06f76f6eb4a46d205a9070def0fef92a7c9ae924563267ebb99bd60ed25",
        "eba7fdd50150b6e71048165e8f2a12c5556f9b43875151df7851cd4c91d5f7a3",
        "edf22f4626071493cc2cbe2c1f36d2d227886460aae10c1cae7f121fe0c91f3c",
        "f4a2767d1b65c5cb4a90a78b1fc9b475ba6aa955db1d40ae6ee30c47b3a4c295",
    };

    public static bool Contains(string value) => Digests.Contains(ProductionSecrets.Digest(value));
}
