using AskShift.Text;
namespace AskShift.Cluster;

/// <summary>One distinctive term of a class with its c-TF-IDF weight.</summary>
public sealed record WeightedTerm(string Term, double Weight);

/// <summary>
/// Class-based TF-IDF (Grootendorst 2022, BERTopic): all texts of a cluster form one class document; a term weighs
/// tf(t,c) · log(1 + A / f(t)), tf L1-normalised within the class, A the average number of terms per class and
/// f(t) the term's frequency over all classes. Terms shared by every cluster sink, terms peculiar to one rise.
/// </summary>
public static class ClassTfidf
{
    /// <summary>Top <paramref name="top"/> terms for each class (keyed by class id, ordered by id).</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<WeightedTerm>> TopTerms(IReadOnlyList<string> texts, IReadOnlyList<int> classes, int top = 8)
    {
        if (texts.Count != classes.Count) throw new ArgumentException($"{texts.Count} texts but {classes.Count} class labels");
        var perClass = new SortedDictionary<int, Dictionary<string, int>>();
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        // Tokenising is the costly part and each text's terms are its own: found in parallel, counted in text order.
        var termsOf = new string[texts.Count][];
        Parallel.For(0, texts.Count, i => termsOf[i] = Tokens.Terms(texts[i]).ToArray());
        for (int i = 0; i < texts.Count; i++)
        {
            if (!perClass.TryGetValue(classes[i], out var counts)) perClass[classes[i]] = counts = new(StringComparer.Ordinal);
            foreach (var term in termsOf[i])
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
                total[term] = total.GetValueOrDefault(term) + 1;
            }
        }
        double avg = perClass.Count == 0 ? 0 : perClass.Values.Average(c => (double)c.Values.Sum());
        var result = new SortedDictionary<int, IReadOnlyList<WeightedTerm>>();
        foreach (var (cls, counts) in perClass)
        {
            double size = Math.Max(1, counts.Values.Sum());
            result[cls] = counts
                .Select(kv => new WeightedTerm(kv.Key, kv.Value / size * Math.Log(1 + avg / total[kv.Key])))
                .OrderByDescending(w => w.Weight).ThenBy(w => w.Term.Count(ch => ch == ' ')).ThenBy(w => w.Term, StringComparer.Ordinal)
                .Take(top).ToList();
        }
        return result;
    }
}
