using Finsam.Samordning.Domain.Individuals;

namespace Finsam.Samordning.Domain.Tests.Individuals;

public sealed class PersonnummerSpecs
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData("19811218-9876", "198112189876", false)]
    [InlineData("198112189876", "198112189876", false)]
    [InlineData("811218-9876", "198112189876", false)]
    [InlineData("19701063-2391", "197010632391", true)]
    [InlineData("121212+1212", "191212121212", false)]
    [InlineData("701063-2391", "197010632391", true)]
    [InlineData("7010632391", "197010632391", true)]
    [InlineData("19261212-1232", "192612121232", false)]
    [InlineData("261212-1232", "192612121232", false)] // the birthday is later this year: born 1926, not in the future
    [InlineData("261124-4563", "202611244563", false)] // born three days ago
    [InlineData("261130-4565", "192611304565", false)] // turns a hundred in three days
    [InlineData("261272-1239", "192612721239", true)]
    public void Valid_numbers_parse_to_twelve_digits(string input, string digits, bool samordning)
    {
        Assert.True(Personnummer.TryParse(input, Today, out var pnr, out var error), error);
        Assert.Equal(digits, pnr!.Digits);
        Assert.Equal(samordning, pnr.IsSamordningsnummer);
        Assert.Equal("YYYYMMDD-****", pnr.ToString());
    }

    [Theory]
    [InlineData("19811218-9875", "check digit")]
    [InlineData("19811318-9876", "does not exist")]
    [InlineData("19701093-2391", "does not exist")]
    [InlineData("20301218-9876", "future")]
    [InlineData("1981-12-18", "YYYYMMDD-NNNN")]
    [InlineData("1981-12189876", "YYYYMMDD-NNNN")]
    [InlineData("00000101-1238", "does not exist")]
    [InlineData("", "YYYYMMDD-NNNN")]
    public void Invalid_numbers_are_refused_with_a_reason_that_does_not_quote_them(string input, string reason)
    {
        Assert.False(Personnummer.TryParse(input, Today, out _, out var error));
        Assert.Contains(reason, error);
        Assert.DoesNotContain("9876", error);
    }

    [Fact]
    public void Every_form_of_one_number_gives_the_same_twelve_digits()
    {
        string Digits(string input) =>
            Personnummer.TryParse(input, Today, out var pnr, out var error) ? pnr!.Digits : throw new InvalidOperationException(error);

        Assert.Single(new[] { "19261212-1232", "192612121232", "261212-1232", "2612121232", " 261212 - 1232 " }.Select(Digits).Distinct());
        Assert.Single(new[] { "19121212-1212", "121212+1212" }.Select(Digits).Distinct());
        Assert.Single(new[] { "19701063-2391", "701063-2391", "197010632391" }.Select(Digits).Distinct());
    }
}
