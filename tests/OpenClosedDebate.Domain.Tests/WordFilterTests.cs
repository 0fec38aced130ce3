namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class WordFilterTests
{
    private static readonly WordFilter Filter = new(["shit", "ass", "fuck", "blow job", "clit", "cum", "🖕"], []);

    [Theory]
    [InlineData("This is shit.")]
    [InlineData("SHIT")]
    [InlineData("Sh1t happens")]
    [InlineData("what a $hit idea")]
    [InlineData("sh!t")]
    [InlineData("shït, with an accent")]
    [InlineData("ｓｈｉｔ in full-width letters")]
    [InlineData("\u0455hit with a Cyrillic s")]
    [InlineData("sh\u200Bit with a zero-width space")]
    [InlineData("s h i t spaced out")]
    [InlineData("s.h.i.t with dots")]
    [InlineData("f-u-c-k with dashes")]
    [InlineData("fuuuuuck")]
    [InlineData("a55")]
    [InlineData("what an @ss")]
    [InlineData("asssss")]
    [InlineData("cIit with a capital I")]
    [InlineData("a BLOW   JOB, split by spaces")]
    [InlineData("cum")]
    [InlineData("🖕")]
    [InlineData("that's bullsh1t. No: shit!")]
    [InlineData("f*ck this")]
    [InlineData("what a load of sh*t")]
    [InlineData("F**K")]
    [InlineData("*sh*t*")]
    public void Matches_ListedWordsDespiteTricks(string text) => Assert.True(Filter.Matches(text), text);

    [Theory]
    [InlineData("Scunthorpe is in Lincolnshire.")]
    [InlineData("The class passed the assessment.")]
    [InlineData("I assume the cocktail of policies works.")]
    [InlineData("Shiitake mushrooms and a shift in policy")]
    [InlineData("Essex, Sussex and Middlesex")]
    [InlineData("Cumulative gains, cucumbers and documents")]
    [InlineData("a clitic is a grammar term")]
    [InlineData("The blow came after the job.")]
    [InlineData("Open models in 2024 cost 4 5 dollars")]
    [InlineData("assess as a s i a n economies grow")]
    [InlineData("x*y = 2*3, and a*b*c")]
    [InlineData("**bold** and *emphasis*, f*** alone")]
    [InlineData("a*ss spells no listed word, and sh* is too short to read")]
    [InlineData("")]
    public void Matches_NothingInOrdinaryText(string text) => Assert.False(Filter.Matches(text), text);

    [Fact]
    public void AllowedWords_AreTakenOffTheList()
    {
        var filter = new WordFilter(["dick", "shit"], ["Dick"]);

        Assert.False(filter.Matches("Dick Francis wrote thrillers."));
        Assert.True(filter.Matches("shit"));
        Assert.Equal(1, filter.Count);
    }

    [Fact]
    public void TwoLettersApart_AreNotReadAsAWordSpeltOut()
    {
        var filter = new WordFilter(["xx", "xxx"], []);

        Assert.False(filter.Matches("![x](x"));
        Assert.True(filter.Matches("x x x"));
    }

    [Fact]
    public void FirstMatch_NamesTheWordAMaskedWordStandsFor()
    {
        Assert.Equal("fuck", Filter.FirstMatch("f**k"));
    }

    [Fact]
    public void FirstMatch_NamesTheFoldedWord()
    {
        Assert.Equal("blow job", Filter.FirstMatch("what a bl0w j0b"));
    }

    [Fact]
    public void None_MatchesNothing()
    {
        Assert.False(WordFilter.None.Matches("shit"));
        Assert.Equal(0, WordFilter.None.Count);
    }
}
