using AskShift.Extract;

namespace AskShift.Tests.Extract;

/// <summary>
/// Placing an ask inside or outside a quotation with the paragraph's marks found once, held to the scan it replaced
/// (which read the paragraph again for every ask, quadratic on long paragraphs).
/// </summary>
public class QuotationMarksTests
{
    // The scan before: back from the span to the nearest curly mark, else count straight marks from the paragraph's start.
    static (int Open, int Close)? Reference(string text, int start, int end, int ps, int pe)
    {
        int open = -1;
        for (var i = start - 1; i >= ps; i--)
        {
            if (text[i] == '”') return null;
            if (text[i] == '“') { open = i; break; }
        }
        if (open < 0)
        {
            var straight = 0; var last = -1;
            for (var i = ps; i < start; i++) if (text[i] == '"') { straight++; last = i; }
            if (straight % 2 == 0) return null;
            open = last;
        }
        var close = text.IndexOfAny(['”', '"'], end);
        if (close < 0 || close >= pe) close = pe;
        return (open, close);
    }

    [Fact]
    public void Marks_place_every_span_where_the_paragraph_scan_placed_it()
    {
        var rng = new Random(12);
        const string alphabet = "ab  .“”\"\n";
        for (var n = 0; n < 400; n++)
        {
            var text = new string(Enumerable.Range(0, rng.Next(1, 60)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            var ps = rng.Next(0, text.Length);
            var pe = rng.Next(ps, text.Length + 1);
            var marks = Quotations.Marks.Of(text, ps, pe);
            for (var start = ps; start <= pe; start++)
                for (var end = start; end <= pe; end++)
                    Assert.Equal(Reference(text, start, end, ps, pe), marks.Enclosing(text, start, end));
        }
    }

    [Fact]
    public void A_quotation_a_senator_speaks_is_his_and_one_an_organisation_speaks_is_its_own()
    {
        const string senator = "“The administration must sanction these officials now,” said Senator Rubio at the hearing.";
        const string director = "“The administration must sanction these officials now,” said the group's director.";
        foreach (var (text, expected) in new[] { (senator, true), (director, false) })
        {
            var at = text.IndexOf("must", StringComparison.Ordinal);
            Assert.Equal(expected, Quotations.SpokenByOtherSide(text, at, text.IndexOf("now", StringComparison.Ordinal), Quotations.Marks.Of(text, 0, text.Length)));
        }
    }
}
