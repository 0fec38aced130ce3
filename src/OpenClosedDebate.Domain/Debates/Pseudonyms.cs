namespace OpenClosedDebate.Domain.Debates;

/// <summary>Friendly, unique names that students see for each other in an anonymous debate.</summary>
internal static class Pseudonyms
{
    private static readonly string[] Adjectives =
    [
        "Amber", "Bold", "Brave", "Bright", "Calm", "Clever", "Cosmic", "Crimson", "Curious", "Daring",
        "Eager", "Fierce", "Gentle", "Golden", "Happy", "Jolly", "Keen", "Lively", "Lucky", "Mellow",
        "Mighty", "Nimble", "Noble", "Patient", "Plucky", "Quick", "Quiet", "Rapid", "Scarlet", "Sharp",
        "Silver", "Steady", "Sunny", "Swift", "Teal", "Tidy", "Vivid", "Warm", "Wise", "Zesty",
    ];

    private static readonly string[] Animals =
    [
        "Badger", "Beaver", "Bison", "Crane", "Dolphin", "Eagle", "Falcon", "Ferret", "Finch", "Fox",
        "Gecko", "Heron", "Ibex", "Jaguar", "Koala", "Lemur", "Lynx", "Marten", "Moose", "Narwhal",
        "Ocelot", "Orca", "Otter", "Owl", "Panda", "Parrot", "Pelican", "Puffin", "Quokka", "Raven",
        "Robin", "Seal", "Sparrow", "Stoat", "Swan", "Tapir", "Tiger", "Toucan", "Walrus", "Wombat",
    ];

    /// <summary>
    /// Walks adjective-animal pairs with a stride coprime to their count, so neighbours in join
    /// order get unrelated names; after every pair is used, a number is added.
    /// </summary>
    public static string For(int joinOrdinal)
    {
        var pairs = Adjectives.Length * Animals.Length;
        var slot = (int)((joinOrdinal * 617L) % pairs);
        var name = $"{Adjectives[slot % Adjectives.Length]} {Animals[slot / Adjectives.Length]}";
        var lap = joinOrdinal / pairs;
        return lap == 0 ? name : $"{name} {lap + 1}";
    }
}
