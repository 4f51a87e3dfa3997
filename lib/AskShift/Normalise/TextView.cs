namespace AskShift.Normalise;

/// <summary>
/// An edited copy of the raw text (glued words split, glued punctuation spaced) that remembers, for every
/// character, where it came from. Rules run on the readable copy while every reported offset stays in the raw text.
/// </summary>
internal sealed class TextView
{
    // Null when the view is the raw text itself (most documents need no repair): offsets are then their own.
    readonly int[]? _raw;

    internal TextView(string raw, string text, int[]? rawIndex)
    {
        Raw = raw;
        Text = text;
        _raw = rawIndex;
    }

    /// <summary>The untouched source text.</summary>
    public string Raw { get; }
    /// <summary>The repaired text the rules read.</summary>
    public string Text { get; }

    /// <summary>Raw offset of the view character at <paramref name="i"/> (an inserted space maps to the next raw character).</summary>
    public int ToRaw(int i) => _raw is null ? Math.Min(i, Raw.Length) : i >= _raw.Length ? Raw.Length : _raw[i];

    /// <summary>Raw span [start,end) covering the view span [start,end).</summary>
    public (int Start, int End) ToRawSpan(int start, int end)
    {
        if (end <= start) return (ToRaw(start), ToRaw(start));
        return (ToRaw(start), ToRaw(end - 1) + 1);
    }

    /// <summary>First view index whose raw offset is at or after <paramref name="raw"/>.</summary>
    public int FromRaw(int raw)
    {
        if (_raw is null) return Math.Clamp(raw, 0, Raw.Length);
        var i = Array.BinarySearch(_raw, raw);
        if (i < 0) i = ~i;
        while (i > 0 && _raw[i - 1] == raw) i--;
        return i;
    }

    /// <summary>An identity view, for text that needs no repair.</summary>
    public static TextView Identity(string raw) => new(raw, raw, null);
}
