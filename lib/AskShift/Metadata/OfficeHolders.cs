namespace AskShift.Metadata;

/// <summary>One person in one office for one tenure; a document naming them was written during it.</summary>
/// <param name="Office">The office, e.g. "US President", "Secretary of State", "PRC President".</param>
/// <param name="FullName">The full name as texts write it; matched anywhere.</param>
/// <param name="Surname">The surname, matched only after a title ("President Biden") so common words do not match.</param>
/// <param name="From">First day in office.</param>
/// <param name="To">Last day in office; an open end date while still serving.</param>
public sealed record OfficeHolder(string Office, string FullName, string Surname, DateOnly From, DateOnly To)
{
    /// <summary>Other spellings matched as they are, e.g. Chinese transcriptions (拜登) for Chinese-only reports.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>
/// US presidents, secretaries of state, national security advisers, treasury secretaries and Chinese presidents
/// with their tenures, so a weekday and a month/day ("Wednesday (Feb. 17)") can be pinned to one year.
/// </summary>
public static class OfficeHolders
{
    static DateOnly D(int y, int m, int d) => new(y, m, d);
    static readonly DateOnly Open = D(2099, 12, 31);

    /// <summary>The table (extend it as the corpus grows in time).</summary>
    public static readonly IReadOnlyList<OfficeHolder> All =
    [
        new("US President", "George W. Bush", "Bush", D(2001, 1, 20), D(2009, 1, 19)),
        new("US President", "Barack Obama", "Obama", D(2009, 1, 20), D(2017, 1, 19)) { Aliases = ["奧巴馬", "奥巴马", "歐巴馬", "欧巴马"] },
        new("US President", "Donald Trump", "Trump", D(2017, 1, 20), D(2021, 1, 19)) { Aliases = ["特朗普", "川普"] },
        new("US President", "Joe Biden", "Biden", D(2021, 1, 20), D(2025, 1, 19)) { Aliases = ["拜登"] },
        new("US President", "Donald Trump", "Trump", D(2025, 1, 20), Open) { Aliases = ["特朗普", "川普"] },
        new("Secretary of State", "Condoleezza Rice", "Rice", D(2005, 1, 26), D(2009, 1, 20)),
        new("Secretary of State", "Hillary Clinton", "Clinton", D(2009, 1, 21), D(2013, 2, 1)),
        new("Secretary of State", "John Kerry", "Kerry", D(2013, 2, 1), D(2017, 1, 20)),
        new("Secretary of State", "Rex Tillerson", "Tillerson", D(2017, 2, 1), D(2018, 3, 31)),
        new("Secretary of State", "Mike Pompeo", "Pompeo", D(2018, 4, 26), D(2021, 1, 20)),
        new("Secretary of State", "Antony Blinken", "Blinken", D(2021, 1, 26), D(2025, 1, 20)),
        new("Secretary of State", "Marco Rubio", "Rubio", D(2025, 1, 21), Open),
        new("National Security Advisor", "Tom Donilon", "Donilon", D(2010, 10, 8), D(2013, 7, 1)),
        new("National Security Advisor", "Susan Rice", "Rice", D(2013, 7, 1), D(2017, 1, 20)),
        new("National Security Advisor", "H. R. McMaster", "McMaster", D(2017, 2, 20), D(2018, 4, 9)),
        new("National Security Advisor", "John Bolton", "Bolton", D(2018, 4, 9), D(2019, 9, 10)),
        new("National Security Advisor", "Robert O'Brien", "O'Brien", D(2019, 9, 18), D(2021, 1, 20)),
        new("National Security Advisor", "Jake Sullivan", "Sullivan", D(2021, 1, 20), D(2025, 1, 20)),
        new("National Security Advisor", "Mike Waltz", "Waltz", D(2025, 1, 20), D(2025, 5, 1)),
        new("Treasury Secretary", "Timothy Geithner", "Geithner", D(2009, 1, 26), D(2013, 1, 25)),
        new("Treasury Secretary", "Jack Lew", "Lew", D(2013, 2, 28), D(2017, 1, 20)),
        new("Treasury Secretary", "Steven Mnuchin", "Mnuchin", D(2017, 2, 13), D(2021, 1, 20)),
        new("Treasury Secretary", "Janet Yellen", "Yellen", D(2021, 1, 26), D(2025, 1, 20)),
        new("Chinese President", "Hu Jintao", "Hu", D(2003, 3, 15), D(2013, 3, 14)) { Aliases = ["胡錦濤", "胡锦涛"] },
        new("Chinese President", "Xi Jinping", "Xi", D(2013, 3, 14), Open) { Aliases = ["習近平", "习近平"] },
    ];


    /// <summary>Holders the text names, with the string that named them: full name, or title + surname ("President Biden").</summary>
    public static IReadOnlyList<(OfficeHolder Holder, string Evidence)> Mentioned(string text)
    {
        var found = new List<(OfficeHolder, string)>();
        foreach (var h in All)
        {
            var full = System.Text.RegularExpressions.Regex.Match(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(h.FullName)}\b");
            if (full.Success) { found.Add((h, Context(text, full))); continue; }
            var alias = h.Aliases.FirstOrDefault(a => text.Contains(a, StringComparison.Ordinal));
            if (alias != null) { found.Add((h, alias)); continue; }
            if (h.Surname is "Rice" or "Hu" or "Xi" or "Lew") continue; // ambiguous alone
            var titled = System.Text.RegularExpressions.Regex.Match(text, $@"\b(President|Secretary|Advis[eo]r|Minister)( of State| of the Treasury)?\s+{System.Text.RegularExpressions.Regex.Escape(h.Surname)}\b");
            if (titled.Success) found.Add((h, titled.Value));
        }
        return found;
    }

    static string Context(string text, System.Text.RegularExpressions.Match m)
    {
        var before = text[..m.Index];
        var title = System.Text.RegularExpressions.Regex.Match(before, @"((U\.S\.|US|Chinese)\s+)?(President|Secretary of State|Treasury Secretary|National Security Advis[eo]r)\s+$");
        return title.Success ? title.Value + m.Value : m.Value;
    }
}
