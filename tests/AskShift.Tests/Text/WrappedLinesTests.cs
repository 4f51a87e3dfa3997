using AskShift.Normalise;
using AskShift.Text;

namespace AskShift.Tests.Text;

/// <summary>Line breaks that wrap a sentence (a PDF's or a plain-text export's fixed width) against those that end a line.</summary>
public class WrappedLinesTests
{
    static WrappedLines.Join At(string text) => WrappedLines.At(text, text.IndexOf('\n') is var n && text[n - 1] == '\r' ? n - 1 : n);

    [Theory]
    [InlineData("The undersigned organisations urge the administration to\nimpose sanctions.", "Space")] // a word that cannot end a sentence
    [InlineData("The undersigned organisations urge the administration now\nto impose sanctions.", "Space")] // a lower-case word goes on
    [InlineData("The undersigned organisations urge the administration to\r\nimpose sanctions.", "Space")]
    [InlineData("We call on the leaders of the governments of Western Europe,\nParticularly those of Germany.", "Space")] // after a comma
    [InlineData("The coalition recommends that the department appoint a spe-\ncial coordinator.", "Hyphen")]
    [InlineData("The coalition recommends that the department appoint a spe- \ncial coordinator.", "None")] // a space after the hyphen: no split word
    [InlineData("The coalition recommends that the department appoint a coordinator.\nIt also asks for funding.", "None")] // a sentence ends
    [InlineData("Rights groups urge Biden to act\nin the region.", "None")]                      // a short line: a title
    [InlineData("The coalition recommends that the department appoint officials\n\nnext paragraph.", "None")] // a blank line
    [InlineData("The coalition recommends that the department take these steps\n- appoint a coordinator", "None")] // a list item
    [InlineData("The coalition recommends that the department take these steps\na) appoint a coordinator", "None")]
    [InlineData("The coalition recommends that the department take the next step\nHong Kong is next.", "None")] // a capital after a full word
    [InlineData("September 26, 2012 Updated: October 1, 2015 at 10:00\nmedical advocacy group", "None")] // a line ending in a number
    [InlineData("Visual Artists Guild, P.O. Box 861132, Los Angeles, California\nwww.example.org", "None")] // a web address
    [InlineData("世界维吾尔人大会敦促各国政府在访问中国期间提出维吾尔人遭受的侵犯人权问题，\n并要求释放被拘押者。", "None")] // Chinese is left alone
    [InlineData("  1. Impose sanctions on the officials responsible for the detention\n     of lawyers;", "Space")]  // a list item's hanging indent
    [InlineData("The coalition recommends that the department appoint officials\n     who know the region.", "None")] // an indented line after prose
    public void A_break_wraps_a_sentence_only_where_the_sentence_goes_on(string text, string expected) =>
        Assert.Equal(expected, At(text).ToString());

    [Fact]
    public void A_hyphen_with_a_space_after_it_at_a_line_end_keeps_every_character()
    {
        // Found by the repair property test (CsCheck seed dKVkRz2KPB11): the space between the hyphen and the break was
        // dropped in place of the hyphen.
        const string raw = "imposesanctions on the officials responsible for the spe- \ncial camps";
        var view = GlueRepair.Repair(raw);
        Assert.Contains("spe- ", view.Text);
        Assert.Equal(raw.Replace(" ", "").Replace("\n", ""), view.Text.Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public void The_repaired_view_reads_a_wrapped_break_as_a_space_and_keeps_raw_offsets()
    {
        const string raw = "The undersigned organisations urge the administration to\nimpose sanctions on the officials responsible for the spe-\ncial camps.";
        var view = GlueRepair.Repair(raw);
        Assert.Equal("The undersigned organisations urge the administration to impose sanctions on the officials responsible for the special camps.", view.Text);
        var at = view.Text.IndexOf("to impose", StringComparison.Ordinal);
        var (rs, re) = view.ToRawSpan(at, at + "to impose".Length);
        Assert.Equal("to\nimpose", raw[rs..re]);
        var sp = view.Text.IndexOf("special", StringComparison.Ordinal);
        var (ss, se) = view.ToRawSpan(sp, sp + "special".Length);
        Assert.Equal("spe-\ncial", raw[ss..se]);
    }
}
