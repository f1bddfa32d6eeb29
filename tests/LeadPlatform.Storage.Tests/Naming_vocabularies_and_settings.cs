using LeadPlatform.Storage.Names;
using LiteDB;

namespace LeadPlatform.Storage.Tests;

/// <summary>
/// One name map (<see cref="NameMap{TEnum}"/>) for the words stored in documents and the words settings accept: a stored
/// word reads back only exactly as written and an unknown one fails the read naming the vocabulary; a setting reads in any
/// case, with its older spellings, and an unknown one names the setting and the allowed words; a map missing a value is
/// refused when it is built; LiteDB writes and reads the word.
/// </summary>
public sealed class Naming_vocabularies_and_settings
{
    private enum Colour { Red, LightBlue }

    private static readonly NameMap<Colour> Stored = NameMap<Colour>.Stored("colour",
        new Dictionary<Colour, string> { [Colour.Red] = "red", [Colour.LightBlue] = "light_blue" });

    private static readonly NameMap<Colour> Setting = NameMap<Colour>.Setting("Paint:Colour",
        new Dictionary<Colour, string> { [Colour.Red] = "Red", [Colour.LightBlue] = "LightBlue" },
        new Dictionary<string, Colour> { ["Blue"] = Colour.LightBlue });

    [Fact]
    public void A_stored_word_reads_back_only_as_written_and_an_unknown_one_names_the_vocabulary()
    {
        Assert.Equal(Colour.LightBlue, Stored.Parse("light_blue"));
        Assert.Equal("light_blue", Stored.NameOf(Colour.LightBlue));
        Assert.False(Stored.TryParse("Light_Blue", out _));
        Assert.Equal("'purple' is not a colour: the stored names are red, light_blue.", Assert.Throws<FormatException>(() => Stored.Parse("purple")).Message);
        Assert.Throws<FormatException>(() => Stored.Parse(null));
    }

    [Fact]
    public void A_setting_reads_in_any_case_with_its_older_spellings_and_an_unknown_one_names_the_setting()
    {
        Assert.Equal(Colour.LightBlue, Setting.Parse(" lightblue "));
        Assert.Equal(Colour.LightBlue, Setting.Parse("BLUE"));
        Assert.Equal(Colour.Red, Setting.Parse("  ", whenUnset: Colour.Red));
        Assert.Equal("Paint:Colour 'Purple' is unknown: use Red or LightBlue.", Assert.Throws<InvalidOperationException>(() => Setting.Parse("Purple")).Message);
    }

    [Fact]
    public void A_map_without_a_word_for_every_value_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NameMap<Colour>.Stored("colour", new Dictionary<Colour, string> { [Colour.Red] = "red" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Stored.NameOf((Colour)42));
    }

    [Fact]
    public void LiteDB_writes_and_reads_the_stored_word()
    {
        var mapper = new BsonMapper();
        Stored.RegisterIn(mapper);

        var bson = mapper.ToDocument(new Painted { Colour = Colour.LightBlue });

        Assert.Equal("light_blue", bson["Colour"].AsString);
        Assert.Equal(Colour.LightBlue, mapper.ToObject<Painted>(bson).Colour);
    }

    private sealed class Painted
    {
        public Colour Colour { get; set; }
    }
}
