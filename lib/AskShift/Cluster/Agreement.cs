namespace AskShift.Cluster;

/// <summary>Agreement between a clustering and a reference labelling (e.g. codebook themes).</summary>
/// <param name="Nmi">Normalised mutual information, MI / arithmetic mean of the two entropies (sklearn's default
/// <c>average_method="arithmetic"</c>); equals <see cref="VMeasure"/>.</param>
/// <param name="Ari">Adjusted Rand index (Hubert and Arabie 1985): 0 for chance, 1 for identical partitions.</param>
/// <param name="Homogeneity">1 when every cluster holds one reference label only.</param>
/// <param name="Completeness">1 when every reference label sits in one cluster only.</param>
/// <param name="VMeasure">Harmonic mean of homogeneity and completeness (Rosenberg and Hirschberg 2007).</param>
/// <param name="MutualInformation">Mutual information in nats.</param>
public sealed record AgreementScores(double Nmi, double Ari, double Homogeneity, double Completeness, double VMeasure, double MutualInformation);

/// <summary>
/// Clustering agreement metrics in C#. ML.NET's clustering "NMI" divides by the label entropy only (i.e. it is
/// homogeneity), which rewards over-splitting; these are the symmetric measures the literature reports.
/// </summary>
public static class Agreement
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="reference"/>; labels are compared by equality only.</summary>
    public static AgreementScores Score<TA, TB>(IReadOnlyList<TA> reference, IReadOnlyList<TB> predicted)
        where TA : notnull where TB : notnull
    {
        if (reference.Count != predicted.Count)
            throw new ArgumentException($"reference has {reference.Count} labels but predicted has {predicted.Count}");
        int n = reference.Count;
        if (n == 0) throw new ArgumentException("cannot score an empty labelling");
        var ra = Encode(reference, out int ka);
        var pb = Encode(predicted, out int kb);
        var table = new long[ka, kb];
        var rowSum = new long[ka]; var colSum = new long[kb];
        for (int i = 0; i < n; i++) { table[ra[i], pb[i]]++; rowSum[ra[i]]++; colSum[pb[i]]++; }

        double hA = Entropy(rowSum, n), hB = Entropy(colSum, n);
        double mi = 0;
        for (int a = 0; a < ka; a++)
            for (int b = 0; b < kb; b++)
            {
                long c = table[a, b];
                if (c == 0) continue;
                mi += (double)c / n * Math.Log((double)c * n / ((double)rowSum[a] * colSum[b]));
            }
        mi = Math.Max(0, mi);
        // sklearn conventions: a single-cluster side makes the corresponding score 1 (no uncertainty to explain).
        double homogeneity = hA == 0 ? 1 : mi / hA;
        double completeness = hB == 0 ? 1 : mi / hB;
        double v = homogeneity + completeness == 0 ? 0 : 2 * homogeneity * completeness / (homogeneity + completeness);
        double nmi = (hA == 0 && hB == 0) ? 1 : (hA + hB == 0 ? 0 : mi / ((hA + hB) / 2));

        double sumComb = 0, sumA = 0, sumB = 0;
        for (int a = 0; a < ka; a++) for (int b = 0; b < kb; b++) sumComb += Comb2(table[a, b]);
        foreach (var r in rowSum) sumA += Comb2(r);
        foreach (var c in colSum) sumB += Comb2(c);
        double total = Comb2(n);
        double expected = total == 0 ? 0 : sumA * sumB / total;
        double max = (sumA + sumB) / 2;
        double ari = max == expected ? 1.0 : (sumComb - expected) / (max - expected);
        return new AgreementScores(nmi, ari, homogeneity, completeness, v, mi);
    }

    private static double Comb2(long x) => x * (x - 1) / 2.0;

    private static double Entropy(long[] counts, int n)
    {
        double h = 0;
        foreach (var c in counts) if (c > 0) { double p = (double)c / n; h -= p * Math.Log(p); }
        return h;
    }

    private static int[] Encode<T>(IReadOnlyList<T> labels, out int k) where T : notnull
    {
        var map = new Dictionary<T, int>();
        var codes = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            if (!map.TryGetValue(labels[i], out int code)) { code = map.Count; map[labels[i]] = code; }
            codes[i] = code;
        }
        k = map.Count;
        return codes;
    }
}
