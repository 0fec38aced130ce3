namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

/// <summary>A name can't hide invisible characters, pass for a classmate's, or pass for the product's own.</summary>
public sealed class LookalikeNameTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    // Each looks like "Alice" (or is it, with characters that show nothing).
    public static readonly TheoryData<string, string> LookalikesOfAlice = new()
    {
        { "\u0410lice", "Cyrillic capital A" },
        { "Al\u0456ce", "Cyrillic small i" },
        { "\u0391lice", "Greek capital Alpha" },
        { "Ali\u0441e", "Cyrillic small es" },
        { "Alic\u0435", "Cyrillic small ie" },
        { "\uFF21\uFF4C\uFF49\uFF43\uFF45", "full-width letters" },
        { "ALICE", "upper case" },
        { "A\u200Blice", "zero-width space" },
        { "Al\u200Dice", "zero-width joiner" },
        { "Ali\u2060ce", "word joiner" },
        { "A\uFEFFlice", "byte-order mark" },
        { "Alice\u00AD", "soft hyphen" },
        { "Al\U000E0041ice", "tag letter A (astral format character)" },
        { "Alic\U0001D173e", "musical symbol begin beam (astral format character)" },
        { "Ali\uFE0Fce", "variation selector" },
        { "A\u3164lice", "Hangul filler" },
        { "A\u034Flice", "combining grapheme joiner" },
        { "\u202EAlice", "right-to-left override" },
        { "A\u2066lice\u2069", "isolates" },
        { "\U0001D400lice", "mathematical bold capital A" },
        { "A\u217Cice", "small Roman numeral fifty for l" },
        { "AIice", "capital I for the l" },
        { "A1ice", "digit one for the l" },
    };

    [Theory]
    [MemberData(nameof(LookalikesOfAlice))]
    public void Join_WithANameThatLooksLikeAClassmates_IsRefused(string name, string how)
    {
        var debate = new DebateBuilder().Lobby();
        debate.JoinAs("Alice", T0);

        var refused = DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.Join(Guid.NewGuid(), name, $"hash-{how}", T0));
        Assert.Contains("Choose another", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Instructor")]
    [InlineData("INSTRUCTOR")]
    [InlineData("\u0406nstructor")]
    [InlineData("Server")]
    [InlineData("Clock")]
    [InlineData("Cl\u043Eck")]
    [InlineData("Teacher")]
    [InlineData("Moderator")]
    [InlineData("Admin")]
    public void Join_WithANameTheProductUsesForItself_IsRefused(string name)
    {
        var debate = new DebateBuilder().Lobby();

        var refused = DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.Join(Guid.NewGuid(), name, "hash", T0));
        Assert.Contains("uses for itself", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u200B\u200D\U000E0041", "only invisible characters")]
    [InlineData("\u3164\u3164", "only Hangul fillers")]
    public void Join_WithANameOfNothingVisible_IsRefusedAsEmpty(string name, string how)
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.InvalidName, () => debate.Join(Guid.NewGuid(), name, $"hash-{how}", T0));
    }

    [Fact]
    public void Invisible_characters_are_stripped_code_point_by_code_point_from_a_name_that_is_kept()
    {
        var debate = new DebateBuilder().Lobby();
        var id = Guid.NewGuid();

        var joined = Assert.IsType<ParticipantJoined>(Assert.Single(debate.Join(id, "Bo\U000E0041\u200Bb \U0001D173Lee", "hash", T0)));

        Assert.Equal("Bob Lee", joined.DisplayName);
    }

    [Theory]
    [InlineData("Alicia")]
    [InlineData("Alice B.")]
    [InlineData("Άλκηστις")]
    [InlineData("Алиса")]
    [InlineData("爱丽丝")]
    public void Join_WithANameThatMerelyResemblesAClassmates_IsAllowed(string name)
    {
        var debate = new DebateBuilder().Lobby();
        debate.JoinAs("Alice", T0);

        Assert.Single(debate.Join(Guid.NewGuid(), name, "hash-other", T0));
    }

    [Fact]
    public void A_name_freed_by_leaving_can_be_taken_but_a_removed_students_look_alike_cannot()
    {
        var debate = new DebateBuilder().Lobby();
        var alice = debate.JoinAs("Alice", T0);
        var bob = debate.JoinAs("Bob", T0);
        debate.Leave(alice, T0);
        debate.Kick(bob, T0);

        Assert.Single(debate.Join(Guid.NewGuid(), "\u0410lice", "hash-a", T0));
        DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.Join(Guid.NewGuid(), "B\u043Eb", "hash-b", T0));
    }

    [Fact]
    public void Renaming_to_a_look_alike_of_another_student_is_refused_but_changing_ones_own_case_is_not()
    {
        var debate = new DebateBuilder().Lobby();
        var alice = debate.JoinAs("Alice", T0);
        var bob = debate.JoinAs("Bob", T0);

        DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.Rename(bob, "\u0410lice", T0));
        Assert.Single(debate.Rename(alice, "ALICE", T0));
    }

    [Fact]
    public void Looks_are_rebuilt_on_replay_so_a_restored_debate_still_refuses_a_look_alike()
    {
        var (debate, created) = Debate.Create(Guid.NewGuid(), "ABCDEF", new DebateBuilder().ArgumentRound().Plan(), 7, T0);
        var history = created.Concat(debate.OpenLobby(T0)).Concat(debate.Join(Guid.NewGuid(), "Alice", "hash-alice", T0)).ToList();
        var restored = Debate.Restore(debate.Id, history);

        DebateAssert.Refused(restored, DebateError.NameTaken, () => restored.Join(Guid.NewGuid(), "\u0410lice", "hash", T0));
    }

    [Theory]
    [InlineData("Ann\uFFFF")]
    [InlineData("Ann\uFFFE")]
    [InlineData("Ann\uFDD0")]
    [InlineData("\uD800Ann")]
    [InlineData("Ann\U0010FFFF")]
    public void A_name_with_noncharacters_or_a_lone_surrogate_is_judged_by_the_rules_and_never_breaks_a_move(string name)
    {
        var debate = new DebateBuilder().Lobby();

        var thrown = Record.Exception(() => debate.JoinAs(name));

        Assert.True(thrown is null or DebateRuleException, thrown?.ToString());
        Assert.True(thrown is not null || debate.Participants.Single().DisplayName.StartsWith("Ann", StringComparison.Ordinal) || debate.Participants.Single().DisplayName.EndsWith("Ann", StringComparison.Ordinal));
    }
}
