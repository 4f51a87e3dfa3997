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

    [Fact]
    public void Repair_only_inserts_spaces_and_every_other_character_maps_back() =>
        Texts.Sample(raw =>
        {
            var view = GlueRepair.Repair(raw);
            Assert.Equal(raw, view.Text.Length == raw.Length ? view.Text : Strip(view));
            for (var i = 0; i < view.Text.Length; i++)
                Assert.InRange(view.ToRaw(i), 0, raw.Length);
        });

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
