using System.Globalization;
using AskShift.Shift;
using Microsoft.Data.Analysis;

namespace AskShift.Evaluate;

/// <summary>How often the machine gives a theme where a person does, and how often a person's theme gets it.</summary>
/// <param name="Theme">Theme code.</param>
/// <param name="Machine">Asks the machine put under the theme.</param>
/// <param name="Human">Asks a person put under it.</param>
/// <param name="Both">Asks both put under it.</param>
public sealed record ThemeAgreementRow(string Theme, int Machine, int Human, int Both)
{
    /// <summary>Both / Machine: how far a machine theme can be believed; NaN when the machine never used it.</summary>
    public double Precision => Machine == 0 ? double.NaN : (double)Both / Machine;
    /// <summary>Both / Human: how much of a person's theme the machine finds; NaN when no person used it.</summary>
    public double Recall => Human == 0 ? double.NaN : (double)Both / Human;
}

/// <summary>Machine themes against a person's on the same asks: raw agreement, Cohen's kappa, and each theme's precision and recall.</summary>
/// <param name="Asks">Asks compared (those with both a machine and a human theme).</param>
/// <param name="Agreed">Asks given the same theme by both.</param>
/// <param name="Kappa">Cohen's kappa: agreement beyond what each side's theme frequencies give by chance.</param>
/// <param name="PerTheme">One row per theme either side used, most human-coded first.</param>
public sealed record ThemeAgreementReport(int Asks, int Agreed, double Kappa, IReadOnlyList<ThemeAgreementRow> PerTheme);

/// <summary>
/// Shows a reader which findings depend on the classifier: where hand-coded themes exist (the seeds' gold, the annotated
/// corpus, a review file), the machine's themes are scored against them theme by theme.
/// </summary>
public static class ThemeAgreement
{
    /// <summary>Compares two codings of the same asks, in the same order; asks where either is null are left out.</summary>
    public static ThemeAgreementReport Compare(IReadOnlyList<string?> machine, IReadOnlyList<string?> human)
    {
        if (machine.Count != human.Count) throw new ArgumentException($"{machine.Count} machine themes but {human.Count} human themes");
        var pairs = machine.Zip(human).Where(p => p.First is not null && p.Second is not null).Select(p => (M: p.First!, H: p.Second!)).ToList();
        if (pairs.Count == 0) return new ThemeAgreementReport(0, 0, double.NaN, []);
        var themes = pairs.SelectMany(p => new[] { p.M, p.H }).Distinct(StringComparer.Ordinal);
        var rows = themes.Select(t => new ThemeAgreementRow(t, pairs.Count(p => p.M == t), pairs.Count(p => p.H == t), pairs.Count(p => p.M == t && p.H == t)))
            .OrderByDescending(r => r.Human).ThenByDescending(r => r.Machine).ThenBy(r => r.Theme, StringComparer.Ordinal).ToList();
        return new ThemeAgreementReport(pairs.Count, pairs.Count(p => p.M == p.H),
            Uncertainty.CohenKappa(pairs.Select(p => p.M).ToList(), pairs.Select(p => p.H).ToList()), rows);
    }

    /// <summary>
    /// Hand-coded documents from several sources separated by <c>;</c> (annotation JSON files or folders of them); a
    /// source that is missing or unreadable is named in the problems and the others still load, so a notebook run
    /// without the shared annotations says so instead of failing.
    /// </summary>
    public static (IReadOnlyList<GoldDocument> Documents, IReadOnlyList<string> Problems) LoadGold(string paths)
    {
        var docs = new List<GoldDocument>();
        var problems = new List<string>();
        foreach (var p in paths.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!File.Exists(p) && !Directory.Exists(p)) { problems.Add($"{p}: not found (its hand codes are not used)"); continue; }
            try { docs.AddRange(GoldSet.Load(p)); }
            catch (Exception e) when (e is FormatException or IOException) { problems.Add(e.Message); }
        }
        return (docs, problems);
    }

    /// <summary>Hand-coded (text, theme) pairs of annotated documents, for <see cref="AskMatching.Labels"/>.</summary>
    public static IReadOnlyList<(string Text, string Label)> Labels(IEnumerable<GoldDocument> gold) =>
        gold.SelectMany(d => d.Asks).Where(a => a.Theme is not null).Select(a => (a.Text, a.Theme!)).ToList();

    /// <summary>Per-theme rows as a table to read: precision and recall as whole percentages ("-" where undefined).</summary>
    public static DataFrame ToFrame(ThemeAgreementReport report)
    {
        static string P(double x) => double.IsNaN(x) ? "-" : Math.Round(100 * x).ToString("0", CultureInfo.InvariantCulture) + "%";
        var r = report.PerTheme;
        return new DataFrame(
            new StringDataFrameColumn("theme", r.Select(x => x.Theme)),
            new Int32DataFrameColumn("human", r.Select(x => x.Human)),
            new Int32DataFrameColumn("machine", r.Select(x => x.Machine)),
            new Int32DataFrameColumn("both", r.Select(x => x.Both)),
            new StringDataFrameColumn("precision", r.Select(x => P(x.Precision))),
            new StringDataFrameColumn("recall", r.Select(x => P(x.Recall))));
    }
}
