using AskShift.Normalise;
using CsCheck;

namespace AskShift.Tests.Normalise;

/// <summary>
/// Lines are compared across documents, and with the chrome vocabulary, by their key. The key takes shortcuts for ASCII
/// lines and for lines already one space between words (issue 13); it must be what the plain walk gives.
/// </summary>
public class ChromeKeyTests
{
    /// <summary>The key as first written: lower-case (ASCII only for caseless lines), then every whitespace run one space.</summary>
    static string Reference(string line)
    {
        var trimmed = line.AsSpan().Trim();
        var caseless = trimmed.ToString().All(c => c < 0x80 || c is >= '\u2000' and < '\u2070' or >= '\u3000' and < '\u3040' or >= '\u3400' and < '\u4DC0' or >= '\u4E00' and < '\uA000');
        var lowered = caseless
            ? string.Concat(trimmed.ToString().Select(c => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c))
            : trimmed.ToString().ToLowerInvariant();
        var sb = new System.Text.StringBuilder();
        var space = false;
        foreach (var c in lowered)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    static readonly Gen<string> Lines = Gen.OneOf(
            new[] { "Home", "NEWS", "a", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u2028", "\u0085", "\r", "İ", "Σ", "ß", "K",
                    "人权", "“", "—", "É", "ǅ", "x" }.Select(Gen.Const).ToArray())
        .Array[0, 20].Select(parts => string.Concat(parts));

    [Fact]
    public void The_key_is_the_plain_walks_key() =>
        Lines.Sample(line =>
        {
            var buffer = new char[line.Length];
            Assert.Equal(Reference(line), Chrome.Key(line, buffer).ToString());
        }, iter: 30_000);

    [Theory]
    [InlineData("  Share  This\tPage ", "share this page")]
    [InlineData("Follow us", "follow us")]
    [InlineData("人权 观察", "人权 观察")]
    public void Lines_are_keyed_trimmed_lower_cased_and_single_spaced(string line, string key) =>
        Assert.Equal(key, Chrome.Key(line, new char[line.Length]).ToString());

    /// <summary>
    /// A tag line ("News, Event, US, us") is now read off the span (issue 13); it must be what splitting the line at
    /// commas, trimming the parts and dropping empty ones gives: three labels or more, none above two words.
    /// </summary>
    [Fact]
    public void A_tag_line_is_what_splitting_at_commas_finds() =>
        Gen.OneOf(new[] { "News", "Event", " ", ",", ", ", "US", "Human Rights Watch", "\t", "a b", "\u3000", "x" }.Select(Gen.Const).ToArray())
            .Array[0, 12].Select(parts => string.Concat(parts)).Sample(line =>
            {
                var parts = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var expected = parts.Length >= 3 && parts.All(p => AskShift.Text.Spaces.CountWords(p) <= 2);
                Assert.Equal(expected, Chrome.IsTagLine(line));
            }, iter: 20_000);

    /// <summary>A list marker does not change what a line is, up to the three-digit numbers of a long list; a year opening a line is no marker.</summary>
    [Theory]
    [InlineData("• Home", true)]
    [InlineData("12. Home", true)]
    [InlineData("112. Home", true)]
    [InlineData("1989. Home", false)]
    [InlineData("(b) Home", true)]
    [InlineData("iv. Home", true)]
    public void A_numbered_navigation_label_is_chrome(string line, bool chrome) =>
        Assert.Equal(chrome, Chrome.IsChrome(line));

    /// <summary>A short line is chrome unless it leads into a list of asks or dates the text.</summary>
    [Theory]
    [InlineData("Specifically, you should:", false)]
    [InlineData("We urge Congress to:", false)]
    [InlineData("Our recommendations:", false)]
    [InlineData("Share this:", true)]
    [InlineData("Related articles:", true)]
    [InlineData("You should also read", true)]
    [InlineData("25 Mar '19", false)]         // a date line with a two-digit year
    [InlineData("Sept 9, ’19", false)]
    public void A_short_asking_lead_in_or_date_line_is_content(string line, bool chrome) =>
        Assert.Equal(chrome, Chrome.IsChrome(line));
}
