namespace AskShift.Text;

/// <summary>
/// Month names and Chinese numerals as regular-expression alternatives, with the readers that turn them into numbers,
/// so that reading a document's date (Metadata), placing it in an administration (Metadata) and recognising a dated
/// line that is not prose (Extract) agree on what a month, a day and a year look like.
/// </summary>
internal static class DateWords
{
    /// <summary>Full names and the abbreviations news pages use ("Sept", "Sep"); no group, no trailing full stop.</summary>
    public const string Months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    /// <summary>
    /// A year in Chinese digits, one character a digit ("二〇一九", "二零一七"), as formal Chinese letters and many
    /// Chinese-language outlets write it; 〇, ○ and 零 are all zero.
    /// </summary>
    public const string ChineseYear = "[一二][〇○零一二三四五六七八九]{3}";

    /// <summary>A month in Chinese numerals, 一 to 十二 (longest first, so 十二 is not read as 十).</summary>
    public const string ChineseMonth = "十[一二]?|[一二三四五六七八九]";

    /// <summary>A day of the month in Chinese numerals, 一 to 三十一 (longest first).</summary>
    public const string ChineseDay = "三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]";

    /// <summary>The year a <see cref="ChineseYear"/> match writes digit by digit ("二〇一九" is 2019).</summary>
    public static int ChineseYearValue(ReadOnlySpan<char> digits)
    {
        var year = 0;
        foreach (var c in digits) year = year * 10 + ChineseDigit(c);
        return year;
    }

    /// <summary>
    /// A number from one to ninety-nine in Chinese numerals, as months and days are written ("五" 5, "十" 10, "十二" 12,
    /// "二十五" 25, "三十" 30); -1 for anything else.
    /// </summary>
    public static int ChineseSmallNumber(ReadOnlySpan<char> s)
    {
        var ten = s.IndexOf('十');
        if (ten < 0) return s.Length == 1 && ChineseDigit(s[0]) > 0 ? ChineseDigit(s[0]) : -1;
        var tens = ten == 0 ? 1 : ten == 1 ? ChineseDigit(s[0]) : -1;
        var units = ten == s.Length - 1 ? 0 : ten == s.Length - 2 ? ChineseDigit(s[^1]) : -1;
        return tens > 0 && units >= 0 ? tens * 10 + units : -1;
    }

    static int ChineseDigit(char c) => c is '○' or '零' ? 0 : "〇一二三四五六七八九".IndexOf(c);
}
