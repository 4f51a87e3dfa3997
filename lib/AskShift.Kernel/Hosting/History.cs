using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AskShift.Kernel.Hosting;

/// <summary>
/// Input history as IPython keeps it, so the JupyterLab console and VS Code's interactive window can recall cells:
/// each kernel process is a numbered session, each stored cell is a line numbered by its execution count, and the
/// optional file keeps earlier sessions (one JSON object per line, appended as cells finish). The file is read on
/// first use, not at start-up, so it costs the kernel's first answer nothing.
/// </summary>
internal sealed class History(string? file, Action<string> log, int maxEntries = 10_000)
{
    internal sealed record Entry(int Session, int Line, string Input, string? Output);

    private readonly List<Entry> entries = [];
    private bool loaded, fileBroken;
    private int session;

    /// <summary>This process's session number: one past the newest session in the file.</summary>
    public int Session { get { Load(); return session; } }

    /// <summary>The default file; see <see cref="KernelServerOptions.DefaultHistoryFile"/>.</summary>
    public static string? DefaultFile(Func<string, string?> env)
    {
        if (env("ASKSHIFT_KERNEL_HISTORY") is { } set) return set.Length == 0 ? null : set;
        var data = env("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(data))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home)) return null;
            data = Path.Combine(home, ".local", "share");
        }
        return Path.Combine(data, "askshift", "kernel-history.jsonl");
    }

    /// <summary>Records one executed cell (only those run with store_history) and its text/plain result, if any.</summary>
    public void Add(int line, string input, string? output)
    {
        Load();
        var entry = new Entry(session, line, input, output);
        entries.Add(entry);
        if (entries.Count > maxEntries) entries.RemoveRange(0, entries.Count - maxEntries);
        if (file is null || fileBroken) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            File.AppendAllText(file, Serialize(entry) + "\n", Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            fileBroken = true;
            log($"history: cannot write {file} ({e.Message}); this session's history is kept in memory only");
        }
    }

    /// <summary>The <c>history</c> list of a history_reply, for the three access types of the messaging spec.</summary>
    /// <exception cref="ArgumentException">An unknown hist_access_type or a malformed field (the reply is an error).</exception>
    public JsonArray Query(JsonObject request)
    {
        Load();
        var output = Bool(request, "output");
        IEnumerable<Entry> found = Str(request, "hist_access_type") switch
        {
            "tail" => Tail(entries, Int(request, "n") ?? 10),
            "range" => Range(Int(request, "session") ?? 0, Int(request, "start") ?? 0, Int(request, "stop")),
            "search" => Search(Str(request, "pattern") ?? "*", Bool(request, "unique"), Int(request, "n")),
            var other => throw new ArgumentException($"hist_access_type must be tail, range or search, not '{other}'"),
        };
        var list = new JsonArray();
        foreach (var e in found)
            list.Add(new JsonArray(e.Session, e.Line, output ? new JsonArray(e.Input, e.Output) : (JsonNode)e.Input));
        return list;
    }

    private static IEnumerable<Entry> Tail(List<Entry> from, int n) => n <= 0 ? [] : from.Skip(Math.Max(0, from.Count - n));

    // IPython: session 0 (or absent) is the current one, negative counts back from it, positive is absolute;
    // lines start <= line < stop, stop absent meaning to the end.
    private IEnumerable<Entry> Range(int wanted, int start, int? stop)
    {
        var s = wanted <= 0 ? session + wanted : wanted;
        return entries.Where(e => e.Session == s && e.Line >= start && (stop is null || e.Line < stop));
    }

    // The pattern is a glob as in IPython's search (sqlite GLOB: *, ?, [...], case-sensitive).
    private IEnumerable<Entry> Search(string pattern, bool unique, int? n)
    {
        var regex = new Regex("^" + GlobToRegex(pattern) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        var hits = entries.Where(e => regex.IsMatch(e.Input)).ToList();
        if (unique)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            hits = Enumerable.Reverse(hits).Where(e => seen.Add(e.Input)).Reverse().ToList(); // keep the latest of each
        }
        return n is { } count ? Tail(hits, count) : hits;
    }

    internal static string GlobToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*') sb.Append(".*");
            else if (c == '?') sb.Append('.');
            else if (c == '[' && glob.IndexOf(']', i + 1) is var close && close > i + 1)
            {
                var body = glob[(i + 1)..close];
                sb.Append('[').Append(body.StartsWith('^') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body).Replace("\\-", "-")).Append(']');
                i = close;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }

    private void Load()
    {
        if (loaded) return;
        loaded = true;
        session = 1;
        if (file is null || !File.Exists(file)) return;
        try
        {
            var lines = File.ReadAllLines(file, Encoding.UTF8);
            var bad = 0;
            foreach (var line in lines.Skip(Math.Max(0, lines.Length - maxEntries)))
            {
                if (Parse(line) is { } e) entries.Add(e);
                else if (line.Length > 0) bad++;
            }
            if (bad > 0) log($"history: skipped {bad} unreadable line(s) in {file}");
            if (entries.Count > 0) session = entries.Max(e => e.Session) + 1;
            if (lines.Length > 2 * maxEntries) Rewrite();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            fileBroken = true;
            log($"history: cannot read {file} ({e.Message}); history starts empty and stays in memory");
        }
    }

    // Keeps the file bounded: rewritten (atomically) to its newest entries once it holds twice the cap.
    private void Rewrite()
    {
        var temp = file + $".{Environment.ProcessId}.tmp";
        File.WriteAllLines(temp, entries.Select(Serialize), Encoding.UTF8);
        File.Move(temp, file!, overwrite: true);
    }

    private static string Serialize(Entry e) => new JsonObject
    {
        ["session"] = e.Session, ["line"] = e.Line, ["input"] = e.Input, ["output"] = e.Output,
    }.ToJsonString();

    private static Entry? Parse(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is not JsonObject o || Int(o, "session") is not { } s || Int(o, "line") is not { } l
                || Str(o, "input") is not { } input) return null;
            return new Entry(s, l, input, Str(o, "output"));
        }
        catch (Exception e) when (e is JsonException or ArgumentException) { return null; }
    }

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    private static bool Bool(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static int? Int(JsonObject o, string name)
    {
        if (o[name] is not JsonValue v) return null;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue) return (int)l;
        if (v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue) return (int)d;
        throw new ArgumentException($"'{name}' must be an integer");
    }
}
