using AskShift.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace AskShift.Cluster;

/// <summary>Featurisation choices for short ask texts.</summary>
public sealed record FeaturizerOptions
{
    /// <summary>Longest word n-gram (all shorter lengths included); 2 keeps "human rights" and "civil society" as units.</summary>
    public int WordNgramLength { get; init; } = 2;
    /// <summary>Shortest character n-gram. 3-5 grams survive glued words ("clearpublic") and segment Chinese without a dictionary.</summary>
    public int CharNgramMin { get; init; } = 3;
    /// <summary>Longest character n-gram.</summary>
    public int CharNgramMax { get; init; } = 5;
    /// <summary>Drop English stop words from the word block (char grams see the whole text).</summary>
    public bool RemoveStopWords { get; init; } = true;
    /// <summary>Include the character block at all; off gives a words-only TF-IDF, the classic baseline.</summary>
    public bool UseCharNgrams { get; init; } = true;
    /// <summary>
    /// Which implementation makes the word block. <see cref="WordBlock.Tokens"/> (the default) is the library's own
    /// tokenizer and stop words, counted in one pass; <see cref="WordBlock.MLNet"/> is ML.NET's FeaturizeText, the word
    /// block of clusterings made before 2026-11-26, kept to reproduce them.
    /// </summary>
    public WordBlock WordBlock { get; init; } = WordBlock.Tokens;
}

/// <summary>The implementations of the word block (see <see cref="FeaturizerOptions.WordBlock"/>).</summary>
public enum WordBlock
{
    /// <summary>The shared tokenizer's words (<see cref="AskShift.Text.Tokens"/>), its stop words removed.</summary>
    Tokens,
    /// <summary>ML.NET's FeaturizeText: its normaliser (diacritics dropped), whitespace tokenizer and stop-word list.</summary>
    MLNet,
}

/// <summary>
/// A fitted text featuriser: TF-IDF word 1-2 grams (<see cref="WordNgrams"/>, or ML.NET's FeaturizeText when asked
/// for) and TF-IDF char 3-5 grams (<see cref="CharNgrams"/>), each block L2-normalised, concatenated and L2-normalised
/// again so words and characters weigh equally. The fitted models are kept so codebook seed terms are projected into
/// the same space as the asks. Both default blocks are this library's own code, not ML.NET's: ML.NET's text pipeline
/// gives the same kind of features at several times the cost for short texts (see each block's remarks).
/// </summary>
public sealed class AskFeaturizer
{
    private const string WordColumn = "WordFeatures";

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
        public string WordText { get; set; } = "";
        public static TextRow Of(string? text) => new() { Text = text ?? "", WordText = SpaceCjk(text ?? "") };
    }

    /// <summary>
    /// Puts spaces between CJK characters for the word block, so ML.NET's whitespace tokenizer sees Chinese characters
    /// as words and its word bigrams become character bigrams (most Chinese words are two characters).
    /// </summary>
    internal static string SpaceCjk(string text)
    {
        if (!text.Any(Tokens.IsCjk)) return text;
        var sb = new System.Text.StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (Tokens.IsCjk(c)) sb.Append(' ').Append(c).Append(' ');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The context the ML.NET word model was fitted in; null unless the word block is <see cref="WordBlock.MLNet"/>.</summary>
    public MLContext? Context { get; }
    /// <summary>The fitted ML.NET word-block transformer; null unless the word block is <see cref="WordBlock.MLNet"/>.</summary>
    public ITransformer? Model { get; }
    /// <summary>One sparse vector per training text, in input order.</summary>
    public IReadOnlyList<SparseVector> Vectors { get; }
    /// <summary>Number of feature dimensions (word block, then char block).</summary>
    public int Dimension { get; }

    private readonly int wordDimension;
    private readonly NgramTfidf? words;
    private readonly NgramTfidf? chars;

    private AskFeaturizer(MLContext? ml, ITransformer? model, NgramTfidf? words, int wordDimension, NgramTfidf? chars, SparseVector[] vectors)
    {
        Context = ml; Model = model; this.words = words; this.wordDimension = wordDimension; this.chars = chars; Vectors = vectors;
        Dimension = wordDimension + (chars?.Dimension ?? 0);
    }

    /// <summary>Fits the featuriser on <paramref name="texts"/> (IDF is learnt from them) and featurises them.</summary>
    public static AskFeaturizer Fit(IReadOnlyList<string> texts, FeaturizerOptions? options = null, MLContext? context = null)
    {
        options ??= new FeaturizerOptions();
        if (options.CharNgramMin < 1 || options.CharNgramMax < options.CharNgramMin)
            throw new ArgumentException($"char n-gram range {options.CharNgramMin}..{options.CharNgramMax} is empty");
        if (options.WordNgramLength < 1)
            throw new ArgumentException($"word n-gram length {options.WordNgramLength} is below 1");
        // The two blocks are independent: characters are counted on another core while the words are.
        var charBlock = options.UseCharNgrams ? Task.Run(() => CharNgrams.Fit(texts, options.CharNgramMin, options.CharNgramMax)) : null;
        if (options.WordBlock == WordBlock.MLNet) return FitWithMLNet(texts, options, context ?? new MLContext(seed: 1), charBlock);
        var (words, wordVectors) = WordNgrams.Fit(texts, options.WordNgramLength, options.RemoveStopWords);
        if (words.Dimension == 0)
        {
            Abandon(charBlock);
            throw new ArgumentException($"none of the {texts.Count} texts has a word left once stop words are removed: there is nothing to cluster on");
        }
        return WithChars(null, null, words, words.Dimension, wordVectors, charBlock);
    }

    /// <summary>The fitted featuriser once the word block is done: the char block's vectors joined on, if there is one.</summary>
    private static AskFeaturizer WithChars(MLContext? ml, ITransformer? model, NgramTfidf? words, int wordDim, SparseVector[] wordVectors,
        Task<(NgramTfidf Model, SparseVector[] Vectors)>? charBlock)
    {
        if (charBlock is null) return new AskFeaturizer(ml, model, words, wordDim, null, wordVectors);
        var (chars, charVectors) = charBlock.GetAwaiter().GetResult();
        return new AskFeaturizer(ml, model, words, wordDim, chars, Join(wordVectors, charVectors, wordDim, wordDim + chars.Dimension));
    }

    /// <summary>The char block is no longer wanted: its fault, if any, is observed so it does not surface later.</summary>
    private static void Abandon(Task? charBlock) =>
        charBlock?.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private static AskFeaturizer FitWithMLNet(IReadOnlyList<string> texts, FeaturizerOptions options, MLContext ml,
        Task<(NgramTfidf Model, SparseVector[] Vectors)>? charBlock)
    {
        var input = ml.Data.LoadFromEnumerable(texts.Select(TextRow.Of));
        var words = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = options.RemoveStopWords ? new StopWordsRemovingEstimator.Options() : null,
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = options.WordNgramLength,
                UseAllLengths = true,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        ITransformer model;
        try { model = ml.Transforms.Text.FeaturizeText(WordColumn, words, "WordText").Fit(input); }
        catch (Exception e)
        {
            Abandon(charBlock);
            // ML.NET reports an empty vocabulary as a schema mismatch ("known-size vector"); say what it means.
            if (e is ArgumentException && WordCount(ml, input, options) == 0)
                throw new ArgumentException($"none of the {texts.Count} texts has a word left once stop words are removed: there is nothing to cluster on", e);
            throw;
        }
        var wordVectors = ReadVectors(model.Transform(input), out int wordDim);
        return WithChars(ml, model, null, wordDim, wordVectors, charBlock);
    }

    /// <summary>Each pair of blocks side by side (char indices after the word block's), L2-normalised.</summary>
    private static SparseVector[] Join(SparseVector[] words, SparseVector[] chars, int offset, int dimension)
    {
        var result = new SparseVector[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i]; var c = chars[i];
            var ind = new int[w.Indices.Length + c.Indices.Length];
            var val = new float[ind.Length];
            w.Indices.CopyTo(ind, 0); w.Values.CopyTo(val, 0);
            for (int j = 0; j < c.Indices.Length; j++) { ind[w.Indices.Length + j] = c.Indices[j] + offset; val[w.Indices.Length + j] = c.Values[j]; }
            var norm = Math.Sqrt(val.Sum(v => (double)v * v));
            if (norm > 0) for (int j = 0; j < val.Length; j++) val[j] = (float)(val[j] / norm);
            result[i] = new SparseVector(dimension, ind, val);
        }
        return result;
    }

    /// <summary>Words left after ML.NET's own normalising, tokenising and stop-word removal: what the word bag is built from.</summary>
    private static long WordCount(MLContext ml, IDataView input, FeaturizerOptions options)
    {
        IEstimator<ITransformer> pipe = ml.Transforms.Text.NormalizeText("N", "WordText", TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: false, keepPunctuations: false, keepNumbers: true)
            .Append(ml.Transforms.Text.TokenizeIntoWords("T", "N"));
        if (options.RemoveStopWords) pipe = pipe.Append(ml.Transforms.Text.RemoveDefaultStopWords("W", "T"));
        else pipe = pipe.Append(ml.Transforms.CopyColumns("W", "T"));
        var tokens = pipe.Fit(input).Transform(input).GetColumn<ReadOnlyMemory<char>[]>("W");
        return tokens.Sum(t => (long)t.Length);
    }

    /// <summary>Projects new texts (e.g. codebook seed terms) into the fitted feature space.</summary>
    public IReadOnlyList<SparseVector> Transform(IEnumerable<string> texts)
    {
        var list = texts.ToList();
        var wordVectors = words is not null ? words.Transform(list)
            : ReadVectors(Model!.Transform(Context!.Data.LoadFromEnumerable(list.Select(TextRow.Of))), out _);
        return chars is null ? wordVectors : Join(wordVectors, chars.Transform(list), wordDimension, Dimension);
    }

    private static SparseVector[] ReadVectors(IDataView view, out int dim)
    {
        var col = view.Schema[WordColumn];
        dim = col.Type is VectorDataViewType vt ? vt.Size : 0;
        var result = new List<SparseVector>();
        foreach (var vb in view.GetColumn<VBuffer<float>>(col))
        {
            var vals = vb.GetValues();
            if (vb.IsDense)
            {
                var idx = new List<int>(); var v = new List<float>();
                for (int i = 0; i < vals.Length; i++) if (vals[i] != 0) { idx.Add(i); v.Add(vals[i]); }
                result.Add(new SparseVector(vb.Length, idx.ToArray(), v.ToArray()));
            }
            else
            {
                var ind = vb.GetIndices().ToArray(); var v = vals.ToArray();
                // ML.NET keeps indices sorted, but the merge-dot relies on it, so make sure.
                if (!IsSorted(ind)) Array.Sort(ind, v);
                result.Add(new SparseVector(vb.Length, ind, v));
            }
        }
        return result.ToArray();
    }

    private static bool IsSorted(int[] a) { for (int i = 1; i < a.Length; i++) if (a[i] < a[i - 1]) return false; return true; }
}
