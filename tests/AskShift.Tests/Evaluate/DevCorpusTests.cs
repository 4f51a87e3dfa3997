using AskShift.Evaluate;
using Xunit.Abstractions;

namespace AskShift.Tests.Evaluate;

/// <summary>
/// The development corpus (corpora/dev: real documents, hand-annotated) scored with the eval command's evaluator. The
/// rules were tuned on it, so these are floors that catch regressions; the independent figures come from
/// corpora/test, which no test scores (README gives them and how they were run).
/// </summary>
public class DevCorpusTests(ITestOutputHelper output)
{
    static string Dev => Path.Combine(RepoPaths.Root, "corpora", "dev");

    [Fact]
    public void Every_dev_annotation_matches_its_text_and_every_document_is_annotated()
    {
        var report = Evaluator.Evaluate(Corpus.Load(Path.Combine(Dev, "docs")), GoldSet.Load(Path.Combine(Dev, "gold")));
        Assert.Empty(report.Problems);
        Assert.True(report.Documents.Count >= 30);
    }

    [Fact]
    public void The_second_coding_matches_its_texts_and_covers_only_dev_documents()
    {
        var texts = Corpus.Load(Path.Combine(Dev, "docs")).Items.ToDictionary(d => d.File, d => d.RawText);
        var report = CoderAgreement.Compare(GoldSet.Load(Path.Combine(Dev, "gold")), GoldSet.Load(Path.Combine(RepoPaths.Root, "corpora", "second-coder")), texts);
        // The one expected note: most dev documents are coded once.
        Assert.Equal([.. report.Problems.Where(p => !p.Contains("coded by the first coder only", StringComparison.Ordinal))], Array.Empty<string>());
        Assert.Equal(56, report.Documents.Count); // two rounds: 32, then 24 of the seventh to ninth batches
    }

    [Theory]
    [InlineData("second-coder-test", 21)] // the split's first 21 documents, coded again on 2026-11-27
    [InlineData("second-coder-test15", 23)] // the fifteenth batch, which went to test unread, coded again on 2026-11-28
    public void The_test_splits_second_codings_match_their_texts(string folder, int documents)
    {
        // Two people's annotations of the test split, compared with each other (never with the extractor: no test scores
        // the test split). The coders' agreement is what README sets the extractor's test score beside.
        var test = Path.Combine(RepoPaths.Root, "corpora", "test");
        var texts = Corpus.Load(Path.Combine(test, "docs")).Items.ToDictionary(d => d.File, d => d.RawText);
        var report = CoderAgreement.Compare(GoldSet.Load(Path.Combine(test, "gold")), GoldSet.Load(Path.Combine(RepoPaths.Root, "corpora", folder)), texts);
        Assert.DoesNotContain(report.Problems, p => !p.Contains("coded by the first coder only", StringComparison.Ordinal));
        Assert.Equal(documents, report.Documents.Count);
    }

    [Fact]
    public void No_annotated_document_is_a_copy_of_a_seed_or_of_another_annotated_document()
    {
        // A collected page that is a seed's (or a test document's) text would score the rules on what they were written
        // on, or leak test into dev. The longest passage two different documents legitimately share here is 56 words
        // (wire copy two outlets printed; two releases of one organisation share 50); a copy shares the whole text.
        var files = Directory.GetFiles(RepoPaths.Seeds, "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(Dev, "docs"), "*.txt"))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "corpora", "test", "docs"), "*.txt"));
        var texts = files.Select(f => (Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f))).ToList();
        var copies = AskShift.Shift.TextReuse.Find(texts).Where(p => p.Tokens >= 100 && p.Identity >= 0.9)
            .Select(p => $"{p.SourceA} ~ {p.SourceB} ({p.Tokens} words)").ToList();
        Assert.Empty(copies);
    }

    [Fact]
    public void Dev_corpus_scores_stay_above_their_floors()
    {
        var report = Evaluator.Evaluate(Corpus.Load(Path.Combine(Dev, "docs")), GoldSet.Load(Path.Combine(Dev, "gold")));
        output.WriteLine($"asks P={report.Precision:F3} R={report.Recall:F3} F1={report.F1:F3}; administration {report.AdministrationRight}/{report.Documents.Count}; dates {report.DatesRight}/{report.DatesScored}");
        // 0.768 over 309 documents since the sixteenth batch joined (first contact 0.545, 0.708 after the rules were
        // revised on it); 0.777 over 240 documents since the eleventh batch joined (first contact 0.654) with no ask rule
        // revised on it; 0.790 over the 193 of the first eight batches, 0.802 over the 173 before the eighth.
        Assert.True(report.F1 >= 0.76, $"asks F1 {report.F1:F3} < 0.76");
        // 219 of 240 (179 of 193 before the ninth batch): the misses are "unknown" (or a neighbouring term) where only the
        // URL or outside knowledge (a senator's first weeks in office, an undated Hong Kong post, "two years after" a dated
        // event, a hearing known only by its weekday-less date, a page clock above a 2015 report) gives a year. The
        // eleventh batch brought nine such on first contact, five of them placed by their URL alone; the floor went from
        // 92% to 90%. With each page's URL in a metadata sheet (bench/eval_with_urls.py) it is 226 of 240.
        Assert.True(report.AdministrationRight * 100 >= report.Documents.Count * 90, $"administration {report.AdministrationRight}/{report.Documents.Count}");
        Assert.True(report.DatesRight * 100 >= report.DatesScored * 85, $"dates {report.DatesRight}/{report.DatesScored}");
    }

    [Fact]
    public void The_eval_command_scores_the_seeds_without_problems()
    {
        var stdout = new StringWriter();
        var code = AskShift.Cli.EvalCommand.Run(RepoPaths.Gold, RepoPaths.Seeds, false, null, AskMatching.DefaultThreshold, stdout, new StringWriter());
        output.WriteLine(stdout.ToString());
        Assert.Equal(0, code);
        Assert.DoesNotContain("problem:", stdout.ToString());
        Assert.Contains("administration: 5/5 right", stdout.ToString());
    }
}
