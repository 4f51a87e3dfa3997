using System.Globalization;
using System.Text;

namespace AskShift.Bench;

/// <summary>One ask the generator wrote into a document, with the theme it was written for.</summary>
public sealed record PlantedAsk(string File, string Text, string Theme);

/// <summary>
/// Writes a corpus of advocacy documents far larger than the five seeds, to measure AskShift at the scale researchers
/// bring (hundreds to thousands of files). Documents vary the way scraped pages do: press releases, letters and blog
/// posts; .txt, .md and .html; page chrome; numbered, bulleted and inline asks; some with a Chinese translation block;
/// dates in several styles across 2009-2026, and wording that drifts by administration (dialogue under Obama,
/// sanctions and forced labour later) so the wording and theme analyses have a shift to find. A few files are empty
/// or binary, as in real scrapes. The asks written are returned, so extraction can be scored on unseen text.
/// </summary>
public static class SyntheticCorpus
{
    static readonly string[] Orgs =
    [
        "Human Rights Watch", "Amnesty International", "Freedom House", "Chinese Human Rights Defenders",
        "Human Rights in China", "International Campaign for Tibet", "Uyghur Human Rights Project", "Hong Kong Watch",
        "Reporters Without Borders", "PEN America", "China Aid", "Safeguard Defenders", "Committee to Protect Journalists",
        "Human Rights First", "International Service for Human Rights", "Campaign for Uyghurs", "Tibet Justice Center",
        "Article 19", "Front Line Defenders", "Dui Hua Foundation",
    ];

    static readonly string[] People =
    [
        "Ilham Tohti", "Gao Zhisheng", "Liu Xiaobo", "Jimmy Lai", "Xu Zhiyong", "Ding Jiaxi", "Rahile Dawut",
        "Tashi Wangchuk", "Huang Qi", "Li Yuhan", "Gulshan Abbas", "Chow Hang-tung",
    ];

    // Ask templates per theme: {P} a person, {O} an official or body. Era-specific ones carry the years they belong to.
    static readonly (string Theme, string Text, int From, int To)[] Templates =
    [
        ("release_detainees_raise_cases", "Call publicly for the immediate and unconditional release of {P}", 2009, 2026),
        ("release_detainees_raise_cases", "Raise the cases of detained lawyers and activists, including {P}, at every meeting with Chinese officials", 2009, 2026),
        ("release_detainees_raise_cases", "Press Beijing to allow family visits and access to lawyers for {P}", 2009, 2026),
        ("support_defenders_civil_society", "Meet with human rights defenders and civil society groups during every official visit to China", 2009, 2026),
        ("support_defenders_civil_society", "Increase funding for independent civil society organizations working on China", 2009, 2026),
        ("support_defenders_civil_society", "Publicly recognize the work of human rights defenders in and from China", 2014, 2026),
        ("dialogue_conditions_transparency", "Resume the human rights dialogue only if civil society can take part and the results are made public", 2009, 2016),
        ("dialogue_conditions_transparency", "Report publicly after each round of the Strategic and Economic Dialogue on which human rights issues were raised", 2009, 2016),
        ("dialogue_conditions_transparency", "Set clear benchmarks for progress before the next bilateral dialogue", 2009, 2018),
        ("public_statements", "Make strong and clear public statements in support of peaceful critics of the Chinese government", 2009, 2026),
        ("public_statements", "Speak out publicly whenever activists are detained for exercising their rights", 2009, 2020),
        ("multilateral_un", "Lead a joint statement at the UN Human Rights Council on abuses in China", 2013, 2026),
        ("multilateral_un", "Work with allies to establish an independent international investigation into crimes against humanity", 2018, 2026),
        ("sanctions_financial", "Impose targeted sanctions under the Global Magnitsky Act on officials responsible for grave abuses", 2017, 2026),
        ("sanctions_financial", "Impose visa bans and asset freezes on officials responsible for the crackdown", 2019, 2026),
        ("sanctions_financial", "Use sanctions and other financial tools to impose costs on entities complicit in repression", 2020, 2026),
        ("forced_labor_supply_chain", "Enforce the ban on imports made with forced labour in the Uyghur region", 2021, 2026),
        ("forced_labor_supply_chain", "Require companies to trace their supply chains and remove goods made with forced labour", 2019, 2026),
        ("xinjiang_uyghur", "Condemn the mass detention of Uyghurs and other Turkic Muslims in Xinjiang", 2018, 2026),
        ("xinjiang_uyghur", "Recognize the abuses against Uyghurs in Xinjiang as crimes against humanity", 2020, 2026),
        ("hong_kong", "Impose costs on officials responsible for dismantling freedoms in Hong Kong", 2019, 2026),
        ("hong_kong", "Offer safe haven to Hong Kong activists who face prosecution under the national security law", 2020, 2026),
        ("tibet", "Press for unhindered access to Tibet for diplomats and journalists under the Reciprocal Access to Tibet Act", 2015, 2026),
        ("internet_freedom_tech", "Fund tools that help people in China get around the Great Firewall", 2009, 2026),
        ("internet_freedom_tech", "Restrict exports of surveillance technology used against minorities in China", 2018, 2026),
        ("asylum_protection", "Grant asylum and protection to Chinese dissidents who face persecution if returned", 2009, 2026),
        ("asylum_protection", "Counter transnational repression against diaspora communities in the United States", 2020, 2026),
        ("rule_of_law_legal", "Focus rule of law programmes on protecting defense lawyers from prosecution", 2009, 2018),
        ("laws_repeal_reform", "Urge Beijing to repeal the law on foreign nongovernmental organizations", 2015, 2026),
        ("olympics_events", "Refuse to send government officials to the Beijing Winter Olympics", 2021, 2022),
        ("linkage_trade_security", "Make progress on human rights a condition of deeper trade and security cooperation", 2009, 2026),
        ("distinguish_people_government", "Draw a clear distinction between the Chinese people and the Chinese government in public statements", 2019, 2026),
        ("counter_propaganda", "Counter Chinese Communist Party propaganda with independent Chinese-language media", 2019, 2026),
    ];

    static readonly Dictionary<string, string> ChineseOf = new()
    {
        ["sanctions_financial"] = "對負責嚴重侵犯人權的官員實施針對性制裁",
        ["release_detainees_raise_cases"] = "公開要求立即無條件釋放被拘押的維權人士",
        ["support_defenders_civil_society"] = "加強支持中國的人權捍衛者和公民社會",
        ["hong_kong"] = "向在國安法下面臨檢控的香港社運人士提供庇護",
        ["xinjiang_uyghur"] = "譴責在新疆大規模拘押維吾爾人",
    };

    static readonly string[] Chrome =
    [
        "Skip to main content", "Donate Now", "Menu", "Search", "Share this:", "Subscribe to our newsletter",
        "Related Content", "Most Viewed", "Follow us on Twitter", "Recent Comments", "Privacy Policy", "Cookie settings",
    ];

    static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>
    /// Writes <paramref name="documents"/> files under <paramref name="dir"/> (created), a <c>planted-asks.tsv</c>
    /// (file, theme, text) and a <c>planted-documents.tsv</c> (file, date, administration) beside them; the loader
    /// lists the two .tsv files as skipped (unsupported type).
    /// </summary>
    public static IReadOnlyList<PlantedAsk> Write(string dir, int documents, int seed = 2026)
    {
        Directory.CreateDirectory(dir);
        var rng = new Random(seed);
        var planted = new List<PlantedAsk>();
        var dated = new List<string>();
        var start = new DateTime(2009, 3, 1);
        var span = (new DateTime(2026, 10, 31) - start).Days;
        for (var i = 0; i < documents; i++)
        {
            var sub = $"{2009 + i % 18}";
            if (i % 97 == 13) { WriteFile(dir, $"{sub}/empty-{i:D5}.txt", ""); continue; }
            if (i % 131 == 7) { WriteBytes(dir, $"{sub}/scan-{i:D5}.txt", [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x00, 0xFF]); continue; }
            var date = start.AddDays(rng.Next(span));
            var kind = rng.Next(3);
            var ext = rng.Next(10) switch { < 6 => "txt", < 8 => "html", _ => "md" };
            var file = $"{sub}/{i:D5}-{Slug(Orgs[i % Orgs.Length])}.{ext}";
            var (text, asks) = Compose(rng, date, kind, ext == "html", i);
            WriteFile(dir, file, text);
            dated.Add($"{file}\t{date:yyyy-MM-dd}\t{Administrations.For(DateOnly.FromDateTime(date))}");
            planted.AddRange(asks.Select(a => new PlantedAsk(file, a.Text, a.Theme)));
        }
        File.WriteAllLines(Path.Combine(dir, "planted-asks.tsv"),
            planted.Select(p => $"{p.File}\t{p.Theme}\t{p.Text}"), new UTF8Encoding(false));
        File.WriteAllLines(Path.Combine(dir, "planted-documents.tsv"), dated, new UTF8Encoding(false));
        return planted;
    }

    static (string Text, List<(string Text, string Theme)> Asks) Compose(Random rng, DateTime date, int kind, bool html, int index)
    {
        var org = Orgs[index % Orgs.Length];
        var cosigners = rng.Next(4) == 0 ? Orgs.Where(o => o != org).OrderBy(_ => rng.Next()).Take(rng.Next(2, 6)).ToList() : [];
        var admin = date.Year switch { < 2017 => "Obama", < 2021 => "Trump", < 2025 => "Biden", _ => "Trump" };
        var addressee = rng.Next(3) switch { 0 => $"the {admin} administration", 1 => "the US government", _ => "the Secretary of State" };
        var pool = Templates.Where(t => t.From <= date.Year && date.Year <= t.To).ToList();
        var chosen = pool.OrderBy(_ => rng.Next()).Take(rng.Next(3, 8)).ToList();
        var asks = chosen.Select(t => (Text: t.Text.Replace("{P}", People[rng.Next(People.Length)]), t.Theme)).ToList();
        var dateText = $"{Months[date.Month - 1]} {date.Day}, {date.Year}";
        var topic = asks[0].Theme.Replace('_', ' ');

        var lines = new List<string>();
        var chrome = Chrome.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).ToList();
        if (!html) lines.AddRange(chrome);
        lines.Add("");
        lines.Add(kind switch
        {
            0 => $"{org} Urges {Cap(addressee)} to Put Human Rights at the Center of China Policy",
            1 => $"Joint Letter on Human Rights in China Ahead of Talks with Beijing",
            _ => $"What the Next Steps on China Should Look Like: {Cap(topic)}",
        });
        lines.Add("");
        lines.Add(rng.Next(2) == 0 ? $"Published on {dateText}" : $"(Washington, {dateText}) –");
        lines.Add("");
        var signers = cosigners.Count > 0 ? $"{org} and {string.Join(", ", cosigners)}" : org;
        var lead = asks[0];
        lines.Add($"{signers} today called on {addressee} to {Lower(lead.Text)}. " +
                  $"The groups said that human rights conditions in China have deteriorated and that quiet diplomacy has not worked.");
        lines.Add("");
        var listed = asks.Skip(1).ToList();
        var style = rng.Next(3);
        if (listed.Count > 0)
        {
            lines.Add(rng.Next(2) == 0 ? $"We recommend that {addressee}:" : "The letter recommends that the United States:");
            lines.Add("");
            if (style == 2)
                lines.Add(string.Join(" ", listed.Select((a, n) => $"{n + 1}. {a.Text};")).TrimEnd(';') + ".");
            else
                for (var n = 0; n < listed.Count; n++)
                    lines.Add((style == 0 ? "• " : $"{n + 1}. ") + listed[n].Text + (n == listed.Count - 1 ? "." : ";"));
            lines.Add("");
        }
        lines.Add($"“The next round of talks is a test of whether Washington means what it says,” said a spokesperson for {org}.");
        lines.Add("");
        if (rng.Next(8) == 0 && ChineseOf.TryGetValue(lead.Theme, out var zh))
        {
            lines.Add($"{org}今天呼籲美國政府把人權放在對華政策的中心。");
            lines.Add($"我們敦促美國政府{zh}。");
            lines.Add("");
        }
        if (!html) lines.AddRange(Chrome.OrderBy(_ => rng.Next()).Take(rng.Next(1, 3)));
        // A headline that urges announces the body's asks: the codebook counts the body's statement, and the annotators
        // of corpora/dev counted a headline's ask in 1 case of 22, so the headline is not planted as an ask of its own.
        var body = string.Join("\n", lines) + "\n";
        if (!html) return (body, asks);

        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(Esc(lines[1])).Append("</title></head><body>\n");
        sb.Append("<nav><ul>").Append(string.Concat(chrome.Select(c => $"<li><a href=\"#\">{Esc(c)}</a></li>"))).Append("</ul></nav>\n<article>\n");
        foreach (var l in lines.Where(l => l.Length > 0))
            sb.Append(l.StartsWith("• ") ? $"<li>{Esc(l[2..])}</li>\n" : $"<p>{Esc(l)}</p>\n");
        sb.Append("</article>\n<footer><p>© ").Append(Esc(org)).Append(". All rights reserved.</p><p>Privacy Policy</p></footer>\n</body></html>\n");
        return (sb.ToString(), asks);
    }

    static void WriteFile(string dir, string rel, string text)
    {
        var path = Path.Combine(dir, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    static void WriteBytes(string dir, string rel, byte[] bytes)
    {
        var path = Path.Combine(dir, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    static string Slug(string s) => new(s.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
    static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
    static string Esc(string s) => System.Net.WebUtility.HtmlEncode(s);
}
