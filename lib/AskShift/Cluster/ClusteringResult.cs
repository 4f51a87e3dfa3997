using Microsoft.Data.Analysis;

namespace AskShift.Cluster;

/// <summary>Model-selection scores for one candidate k.</summary>
/// <param name="K">Number of clusters tried.</param>
/// <param name="Silhouette">Mean silhouette (higher is better); the selection criterion.</param>
/// <param name="DaviesBouldin">Davies-Bouldin index from ML.NET's clustering evaluator (lower is better).</param>
/// <param name="AverageDistance">Mean squared distance to the assigned centroid (k-means inertia per point).</param>
public sealed record KScore(int K, double Silhouette, double DaviesBouldin, double AverageDistance)
{
    /// <summary>Mean adjusted Rand index against subsample clusterings (<see cref="KChoice.Stability"/>); NaN when not computed.</summary>
    public double Stability { get; init; } = double.NaN;
}

/// <summary>An ask that stands for its cluster: the ones closest to the centroid.</summary>
public sealed record RepresentativeAsk(int Index, string Text, double Similarity);

/// <summary>One cluster: its distinctive terms, a readable label, and the asks that represent it.</summary>
/// <param name="Id">0-based id; clusters are numbered by decreasing size, ties by first ask, so ids are stable.</param>
/// <param name="Label">Codebook theme label when guided, otherwise the top c-TF-IDF terms joined.</param>
/// <param name="Size">Number of asks in the cluster.</param>
/// <param name="Terms">Most distinctive terms by c-TF-IDF, strongest first.</param>
/// <param name="Representatives">Asks closest to the centroid (cosine), closest first.</param>
/// <param name="Theme">Codebook theme code this cluster was named after or seeded from; null when unguided.</param>
public sealed record ClusterInfo(int Id, string Label, string? Theme, int Size, IReadOnlyList<WeightedTerm> Terms, IReadOnlyList<RepresentativeAsk> Representatives);

/// <summary>Everything a clustering run produced, as records plus DataFrames for notebooks.</summary>
/// <param name="K">Number of clusters in the final clustering.</param>
/// <param name="Method">How the final clustering was obtained (e.g. "ml.net-kmeans, k by silhouette").</param>
/// <param name="Scores">Scores of every k tried (one row when k was fixed).</param>
/// <param name="Assignments">Cluster id per input text, in input order.</param>
/// <param name="Clusters">Clusters indexed by id.</param>
/// <param name="Texts">The input texts, in input order.</param>
public sealed record ClusteringResult(int K, string Method, IReadOnlyList<KScore> Scores, IReadOnlyList<int> Assignments,
    IReadOnlyList<ClusterInfo> Clusters, IReadOnlyList<string> Texts)
{
    /// <summary>Label of each input text's cluster, in input order.</summary>
    public IReadOnlyList<string> AssignedLabels => Assignments.Select(a => Clusters[a].Label).ToList();

    /// <summary>Agreement with a reference labelling (e.g. hand-coded themes) of the same texts.</summary>
    public AgreementScores AgreementWith(IReadOnlyList<string> reference) => Agreement.Score(reference, Assignments);

    /// <summary>One row per k tried: k, silhouette, davies_bouldin, avg_distance, chosen.</summary>
    public DataFrame ScoresFrame() => new(
        new Int32DataFrameColumn("k", Scores.Select(s => s.K)),
        new DoubleDataFrameColumn("silhouette", Scores.Select(s => Math.Round(s.Silhouette, 4))),
        new DoubleDataFrameColumn("stability_ari", Scores.Select(s => double.IsNaN(s.Stability) ? (double?)null : Math.Round(s.Stability, 3))),
        new DoubleDataFrameColumn("davies_bouldin", Scores.Select(s => Math.Round(s.DaviesBouldin, 3))),
        new DoubleDataFrameColumn("avg_distance", Scores.Select(s => Math.Round(s.AverageDistance, 4))),
        new BooleanDataFrameColumn("chosen", Scores.Select(s => s.K == K)));

    /// <summary>One row per cluster: id, label, theme, size, terms, example.</summary>
    public DataFrame ClustersFrame() => new(
        new Int32DataFrameColumn("id", Clusters.Select(c => c.Id)),
        new StringDataFrameColumn("label", Clusters.Select(c => c.Label)),
        new StringDataFrameColumn("theme", Clusters.Select(c => c.Theme ?? "")),
        new Int32DataFrameColumn("size", Clusters.Select(c => c.Size)),
        new StringDataFrameColumn("terms", Clusters.Select(c => string.Join(", ", c.Terms.Select(t => t.Term)))),
        new StringDataFrameColumn("example", Clusters.Select(c => c.Representatives.FirstOrDefault()?.Text ?? "")));

    /// <summary>One row per input text: index, cluster, label, text.</summary>
    public DataFrame AssignmentsFrame() => new(
        new Int32DataFrameColumn("index", Enumerable.Range(0, Texts.Count)),
        new Int32DataFrameColumn("cluster", Assignments),
        new StringDataFrameColumn("label", AssignedLabels),
        new StringDataFrameColumn("text", Texts));
}
