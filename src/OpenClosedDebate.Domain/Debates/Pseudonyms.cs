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

    // Strides coprime to the 1,600 pairs (2⁶·5²), so every walk visits every pair once.
    private static readonly int[] Strides = [617, 389, 1013, 211, 1447, 743, 977, 1201];

    /// <summary>
    /// Walks adjective-animal pairs from a starting pair and with a stride coprime to their count, both
    /// chosen by the debate's <paramref name="seed"/>, so neighbours in join order get unrelated names and
    /// the first to join is not called the same in every debate; after every pair is used, a number is added.
    /// </summary>
    public static string For(int joinOrdinal, int seed)
    {
        var pairs = Adjectives.Length * Animals.Length;
        var start = (long)(uint)seed % pairs;
        var stride = Strides[(int)((uint)seed / (uint)pairs % (uint)Strides.Length)];
        var slot = (int)((start + (joinOrdinal * (long)stride)) % pairs);
        var name = $"{Adjectives[slot % Adjectives.Length]} {Animals[slot / Adjectives.Length]}";
        var lap = joinOrdinal / pairs;
        return lap == 0 ? name : $"{name} {lap + 1}";
    }
}
