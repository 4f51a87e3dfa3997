using AskShift.Normalise;

namespace AskShift.Tests.Normalise;

/// <summary>
/// Every line asks which chrome range and which language block holds it. Those lookups are binary searches (a scan per
/// line made pages of many chrome lines, or of alternating English and Chinese lines, quadratic); they must answer as
/// the scans did.
/// </summary>
public class BlockLookupTests
{
    [Fact]
    public void The_block_at_an_offset_is_the_one_a_scan_of_the_blocks_finds()
    {
        var rng = new Random(11);
        for (var n = 0; n < 300; n++)
        {
            var blocks = new List<LanguageBlock>();
            for (var at = rng.Next(0, 5); at < 200; at += rng.Next(0, 6))
            {
                var end = at + rng.Next(1, 12);
                blocks.Add(new LanguageBlock(rng.Next(2) == 0 ? "en" : "zh-Hans", at, end, rng.Next(3) == 0 ? 0 : null));
                at = end;
            }
            for (var at = 0; at < 215; at++)
                Assert.Same(blocks.FirstOrDefault(b => at >= b.Start && at < b.End), DocumentPipeline.BlockAt(blocks, at));
        }
    }

    [Fact]
    public void Language_blocks_of_real_documents_are_in_order_and_apart_as_the_lookup_needs()
    {
        var checkedBlocks = 0;
        foreach (var dir in new[] { "corpora/dev/docs", "corpora/test/docs", "seeds" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, dir)))
            {
                var raw = File.ReadAllText(file);
                var blocks = Languages.Split(raw, Chrome.Detect(raw));
                for (var i = 0; i < blocks.Count; i++)
                {
                    Assert.True(blocks[i].Start < blocks[i].End, $"{file}: an empty block");
                    if (i > 0) Assert.True(blocks[i - 1].End <= blocks[i].Start, $"{file}: blocks overlap or are out of order");
                }
                checkedBlocks += blocks.Count;
            }
        Assert.True(checkedBlocks > 300);
    }

    [Fact]
    public void A_page_of_chrome_lines_between_text_lines_keeps_only_the_text_in_its_blocks()
    {
        // Lines that are chrome (short navigation labels) alternate with English and Chinese sentences.
        var lines = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            lines.Add("Home");
            lines.Add(i % 2 == 0 ? $"The administration should raise case number {i} with Beijing." : $"人权组织要求政府就第{i}号案件与北京交涉。");
        }
        var raw = string.Join("\n", lines);
        var chrome = Chrome.Detect(raw);
        Assert.Equal(40, chrome.Count);
        var blocks = Languages.Split(raw, chrome);
        Assert.Equal(40, blocks.Count); // every sentence its own block: the chrome between them is not in any
        Assert.All(blocks, b => Assert.DoesNotContain("Home", raw[b.Start..b.End]));
    }

    [Fact]
    public void The_search_for_a_translations_original_stays_within_the_documents_time_allowance()
    {
        // 20,000 English and Chinese lines in turn, none a translation of another: each Chinese block is tried against
        // every English block before it. That search must heed the budget, or one such page runs past any limit.
        var raw = string.Join("\n", Enumerable.Range(0, 20000).Select(i => i % 2 == 0
            ? $"The administration should raise case number {i} with Beijing."
            : $"人权组织要求政府就第{i}号案件与北京交涉。"));
        var chrome = Chrome.Detect(raw);
        Assert.Throws<AskShift.Text.BudgetExceededException>(() =>
            AskShift.Text.Budget.Run(TimeSpan.FromMilliseconds(1), long.MaxValue, () => Languages.Split(raw, chrome)));
        Assert.Equal(20000, Languages.Split(raw, chrome).Count); // and without a budget it finishes, every line a block
    }
}
