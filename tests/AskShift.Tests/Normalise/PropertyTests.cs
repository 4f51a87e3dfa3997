using AskShift.Normalise;
using CsCheck;

namespace AskShift.Tests.Normalise;

/// <summary>Invariants that must hold for any input, not just the examples we thought of.</summary>
public class PropertyTests
{
    static readonly Gen<string> Texts = Gen.String[Gen.Char["abcdefghorstuwyTUSC .,;:\n1234•–“”’国人"], 0, 300];
    static readonly Gen<string> Wordy = Gen.OneOf<string>(new[] { "the", "US", "U.S.", "should", "must", "urge", "Congress", "to", "raise", "cases", "thefreedom",
            "Chinesegovernment", "1.", "2.", "•", "\n", "recommend", "that", "China", "release", ".", ",", "美国", "应该", "Wednesday", "(Feb.", "17)" }.Select(Gen.Const).ToArray())
        .Array[0, 80].Select(words => string.Join(' ', words));

    /// <summary>
    /// The repaired view inserts spaces, reads a line break that wraps a sentence as a space and drops a hyphen that
    /// splits a word across lines; every other character maps back to itself, in order.
    /// </summary>
    [Fact]
    public void Repair_only_inserts_spaces_or_joins_wrapped_lines_and_every_other_character_maps_back() =>
        Gen.OneOf(Texts, Wrapped).Sample(raw =>
        {
            var view = GlueRepair.Repair(raw);
            var kept = new bool[raw.Length];
            var previous = 0;
            for (var i = 0; i < view.Text.Length; i++)
            {
                var r = view.ToRaw(i);
                Assert.InRange(r, previous, raw.Length);
                previous = r;
                if (r < raw.Length && view.Text[i] == raw[r]) kept[r] = true;
                else Assert.Equal(' ', view.Text[i]); // an inserted space, or a wrapped line break read as one
            }
            for (var k = 0; k < raw.Length; k++)
                if (!kept[k]) Assert.True(raw[k] is '\n' or '\r' || raw[k] == '-' && k + 1 < raw.Length && raw[k + 1] is '\n' or '\r', $"raw[{k}] '{raw[k]}' lost");
            if (raw.IndexOf('\n') < 0) Assert.Equal(raw, Strip(view));
        });

    // Lines long enough to wrap, broken mid-sentence, after a hyphen, before list items and blank lines.
    static readonly Gen<string> Wrapped = Gen.OneOf<string>(new[] { "The undersigned organisations urge the administration to", "impose",
            "sanctions on the officials responsible for the spe-", "cial", "camps.", "\n", "\r\n", "\n\n", "- item", "a) item", "Hong Kong",
            "www.example.org", "2019", ",", "美国应该", " " }.Select(Gen.Const).ToArray())
        .Array[0, 30].Select(parts => string.Concat(parts));

    static string Strip(TextView view)
    {
        var sb = new System.Text.StringBuilder();
        var last = -1;
        for (var i = 0; i < view.Text.Length; i++)
        {
            var r = view.ToRaw(i);
            if (r != last && r < view.Raw.Length && view.Raw[r] == view.Text[i]) { sb.Append(view.Text[i]); last = r; }
        }
        return sb.ToString();
    }

    [Fact]
    public void Every_ask_is_an_exact_span_of_the_raw_text_whatever_the_input() =>
        Gen.OneOf(Texts, Wordy).Sample(raw =>
        {
            var corpus = Corpus.FromTexts([("p.txt", raw)]);
            var doc = Assert.Single(corpus.Items);
            foreach (var a in doc.Asks)
            {
                Assert.InRange(a.Start, 0, a.End);
                Assert.InRange(a.End, a.Start, raw.Length);
                Assert.Equal(raw[a.Start..a.End], a.Text);
            }
            Assert.Equal(Enumerable.Range(1, doc.Asks.Count), doc.Asks.Select(a => a.Ordinal));
        });
}
