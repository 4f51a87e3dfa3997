namespace AskShift;

/// <summary>How sure the date of a document is: researchers filter or weight timelines by it.</summary>
public enum DatePrecision
{
    /// <summary>No date could be found or inferred.</summary>
    Unknown,
    /// <summary>Only the year is known.</summary>
    Year,
    /// <summary>Year and month are known.</summary>
    Month,
    /// <summary>The day is stated in the text.</summary>
    Day,
    /// <summary>The day (or bound) was reasoned from clues such as office-holders' tenures or "the next administration".</summary>
    Inferred,
}

/// <summary>The form an ask takes in its document (codebook: numbered_item, bullet_item, sentence, reported_speech).</summary>
public enum AskForm
{
    NumberedItem,
    BulletItem,
    Sentence,
    ReportedSpeech,
}

/// <summary>A contiguous run of one language in a document's raw text.</summary>
/// <param name="Language">BCP-47-ish tag: <c>en</c>, <c>zh</c>, <c>zh-Hant</c>, <c>zh-Hans</c>.</param>
/// <param name="Start">Start offset (UTF-16 code units) in the raw text.</param>
/// <param name="End">End offset, exclusive.</param>
/// <param name="TranslationOf">Index of the block this one translates, so its asks are not counted twice; null for original text.</param>
public sealed record LanguageBlock(string Language, int Start, int End, int? TranslationOf);

/// <summary>One ask a document makes of the US government, traceable to its exact span in the raw text.</summary>
/// <param name="File">Document path relative to the corpus root.</param>
/// <param name="Ordinal">1-based position of the ask in its document.</param>
/// <param name="Text">The exact raw text of the span (<c>RawText[Start..End]</c>).</param>
/// <param name="Start">Start offset (UTF-16 code units) in the raw text.</param>
/// <param name="End">End offset, exclusive.</param>
/// <param name="Form">How the ask is phrased.</param>
/// <param name="AnalysisText">The span with glued words repaired and whitespace normalised, for tokenising and clustering.</param>
/// <param name="Language">Language of the span.</param>
public sealed record Ask(string File, int Ordinal, string Text, int Start, int End, AskForm Form, string AnalysisText, string Language)
{
    /// <summary>The ask runs into the end of a text that stops mid-sentence (a scrape cut at a fixed length): what it asks
    /// is stated, but its end may be missing, so a reader can weigh or drop it.</summary>
    public bool Truncated { get; init; }

    /// <summary>The 1-based page the ask starts on, for documents with pages (PDFs); null otherwise.</summary>
    public int? Page { get; init; }

    /// <summary>Whether a person checked this ask (review file) or only the extractor found it; a paper reports the share.</summary>
    public Review.ReviewState Review { get; init; } = AskShift.Review.ReviewState.Machine;

    /// <summary>The theme code a reviewer gave this ask; it wins over any machine theme. Null when nobody set one.</summary>
    public string? Theme { get; init; }
}

/// <summary>One loaded document with its metadata and asks.</summary>
public sealed record Document
{
    /// <summary>Path relative to the corpus root, with forward slashes.</summary>
    public required string File { get; init; }
    /// <summary>The decoded text exactly as read; every offset refers to it.</summary>
    public required string RawText { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Organisations { get; init; } = [];
    public DateOnly? Date { get; init; }
    public DatePrecision DatePrecision { get; init; }
    /// <summary>The strings in the text the date was read or inferred from.</summary>
    public IReadOnlyList<string> DateEvidence { get; init; } = [];
    /// <summary><c>obama</c>, <c>trump1</c>, <c>biden</c>, <c>trump2</c>, or <c>unknown</c>.</summary>
    public string Administration { get; init; } = "unknown";
    /// <summary>The strings the administration was assigned on (a date line, "President-elect Trump", "second term").</summary>
    public IReadOnlyList<string> AdministrationEvidence { get; init; } = [];
    public IReadOnlyList<string> Addressees { get; init; } = [];
    public string? Event { get; init; }
    public IReadOnlyList<LanguageBlock> LanguageBlocks { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    /// <summary>People whose cases the document raises.</summary>
    public IReadOnlyList<string> People { get; init; } = [];
    public IReadOnlyList<Ask> Asks { get; init; } = [];
    /// <summary>Things a researcher should know about this document (encoding fallback, no date found...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Raw-text ranges judged page chrome (navigation, donation appeals...), kept for the data-quality report.</summary>
    public IReadOnlyList<(int Start, int End)> Chrome { get; init; } = [];
    /// <summary>Where each page starts in <see cref="RawText"/> (PDFs); empty for formats without pages.</summary>
    public IReadOnlyList<int> PageStarts { get; init; } = [];
    /// <summary>A person checked this document through a review file (any of its asks, its date or its administration).</summary>
    public bool Reviewed { get; init; }
    /// <summary>
    /// What a reviewer checked in full: <c>asks</c> (every machine ask marked, or any mark in a document without one),
    /// <c>date</c>, <c>administration</c>. Agreement figures are computed over these only.
    /// </summary>
    public IReadOnlyList<string> ReviewedFields { get; init; } = [];
    /// <summary>The document's URL, when a metadata sheet or front matter gives one.</summary>
    public string? Url { get; init; }
    /// <summary>
    /// Where each metadata field came from: the metadata sheet row or front matter that gave it, <c>url</c>,
    /// <c>text</c>, <c>inference</c> (reasoned from clues), or <c>none</c>. A paper can say which values a person gave.
    /// </summary>
    public IReadOnlyDictionary<string, string> Provenance { get; init; } = new Dictionary<string, string>();

    /// <summary>The 1-based page holding <paramref name="offset"/>, or null when there are no pages.</summary>
    public static int? PageAt(IReadOnlyList<int> pageStarts, int offset)
    {
        if (pageStarts.Count == 0) return null;
        var page = 1;
        while (page < pageStarts.Count && pageStarts[page] <= offset) page++;
        return page;
    }
}

/// <summary>An input that could not be loaded, with the reason, so nothing is lost silently.</summary>
public sealed record LoadError(string File, string Error);
