using AskShift.Cluster;

namespace AskShift.Tests.Cluster;

public class ClustererTests
{
    private static readonly string[] TwoTopics =
    [
        "impose targeted sanctions on officials responsible for abuses",
        "impose targeted sanctions and asset freezes on responsible officials",
        "expand targeted sanctions on officials responsible for abuses",
        "targeted sanctions and visa bans on officials responsible",
        "a diplomatic boycott of the Beijing Winter Olympics",
        "announce a diplomatic boycott of the Winter Olympics in Beijing",
        "diplomatic boycott of the Beijing Winter Olympics games",
        "lead a diplomatic boycott of the Winter Olympics",
    ];

    [Fact]
    public void Davies_Bouldin_over_centroid_supports_is_the_index_over_every_dimension_to_the_last_bit()
    {
        // The plain definition: mean centroids over the whole dimension, scatter the mean distance of members to their
        // centroid, and for each cluster the worst (scatter + scatter') / distance between centroids.
        var rng = new Random(4);
        int dim = 300, n = 120;
        var vectors = Enumerable.Range(0, n).Select(_ =>
        {
            var idx = Enumerable.Range(0, dim).Where(_ => rng.NextDouble() < 0.05).ToArray();
            return new SparseVector(dim, idx, idx.Select(_ => (float)rng.NextDouble()).ToArray());
        }).ToList();
        var assign = Enumerable.Range(0, n).Select(_ => rng.Next(5)).ToArray();
        var ids = assign.Distinct().Order().ToArray();
        var cents = ids.Select(c =>
        {
            var m = new double[dim];
            int count = 0;
            for (int i = 0; i < n; i++)
                if (assign[i] == c) { count++; for (int j = 0; j < vectors[i].Indices.Length; j++) m[vectors[i].Indices[j]] += vectors[i].Values[j]; }
            for (int j = 0; j < dim; j++) m[j] /= count;
            return m;
        }).ToArray();
        var scatter = ids.Select((c, a) => Enumerable.Range(0, n).Where(i => assign[i] == c)
            .Average(i => Math.Sqrt(vectors[i].SquaredDistance(cents[a], cents[a].Sum(x => x * x))))).ToArray();
        double sum = 0;
        for (int a = 0; a < ids.Length; a++)
        {
            double worst = 0;
            for (int b = 0; b < ids.Length; b++)
            {
                if (a == b) continue;
                double d = 0;
                for (int j = 0; j < dim; j++) { double x = cents[a][j] - cents[b][j]; d += x * x; }
                worst = Math.Max(worst, (scatter[a] + scatter[b]) / Math.Sqrt(d));
            }
            sum += worst;
        }
        Assert.Equal(sum / ids.Length, AskClusterer.DaviesBouldin(vectors, assign, dim));
    }

    [Fact]
    public void Separates_two_obvious_topics_and_picks_k_two()
    {
        var r = new AskClusterer().Run(TwoTopics);
        Assert.True(r.K == 2, string.Join("; ", r.Scores) + " | " + string.Join(",", r.Assignments));
        Assert.Equal(1.0, r.AgreementWith([.. Enumerable.Repeat("s", 4), .. Enumerable.Repeat("o", 4)]).Ari, 9);
        var sanctionsCluster = r.Clusters[r.Assignments[0]];
        Assert.Contains(sanctionsCluster.Terms.Take(3), t => t.Term.Contains("sanctions") || t.Term.Contains("officials"));
        Assert.Equal(3, sanctionsCluster.Representatives.Count);
    }

    [Fact]
    public void Same_inputs_and_seed_give_identical_results()
    {
        var texts = RepoFiles.SeedAsks().Texts;
        var a = new AskClusterer(new ClusterOptions { K = 6 }).Run(texts);
        var b = new AskClusterer(new ClusterOptions { K = 6 }).Run(texts);
        Assert.Equal(a.Assignments, b.Assignments);
        Assert.Equal(a.Clusters.Select(c => c.Label), b.Clusters.Select(c => c.Label));
    }

    [Fact]
    public void Chinese_asks_cluster_by_character_ngrams()
    {
        string[] zh =
        [
            "美國政府應對負責官員實施制裁", "對侵犯人權的官員實施制裁和凍結資產", "擴大對官員的制裁",
            "要求釋放被拘留的維權律師", "呼籲釋放所有被拘留的律師", "立即釋放被拘留的人權律師",
        ];
        var r = new AskClusterer(new ClusterOptions { K = 2 }).Run(zh);
        Assert.Equal(1.0, r.AgreementWith(["s", "s", "s", "r", "r", "r"]).Ari, 9);
        Assert.Contains(r.Clusters.SelectMany(c => c.Terms), t => t.Term == "制裁" || t.Term == "釋放");
    }

    [Fact]
    public void Scores_table_lists_every_k_tried_and_marks_the_choice()
    {
        var r = new AskClusterer(new ClusterOptions { MinK = 2, MaxK = 4 }).Run(TwoTopics);
        var df = r.ScoresFrame();
        Assert.Equal(3, df.Rows.Count);
        Assert.Equal(new[] { 2, 3, 4 }, r.Scores.Select(s => s.K));
        Assert.All(r.Scores, s => Assert.True(s.DaviesBouldin >= 0));
        Assert.Equal(r.K, r.Scores.MaxBy(s => s.Silhouette)!.K);
        Assert.Equal(TwoTopics.Length, r.AssignmentsFrame().Rows.Count);
    }

    [Fact]
    public void Choosing_k_by_stability_scores_every_k_and_keeps_the_most_stable()
    {
        var r = new AskClusterer(new ClusterOptions { ChooseK = KChoice.Stability, MaxK = 4 }).Run(TwoTopics);
        Assert.All(r.Scores, s => Assert.InRange(s.Stability, -1.0, 1.0));
        Assert.Equal(r.K, r.Scores.MaxBy(s => s.Stability)!.K);
        Assert.Contains("stability", r.Method);
        Assert.Contains("stability_ari", r.ScoresFrame().Columns.Select(c => c.Name));
        // The default stays the silhouette, and then no stability is computed.
        Assert.All(new AskClusterer(new ClusterOptions { MaxK = 4 }).Run(TwoTopics).Scores, s => Assert.True(double.IsNaN(s.Stability)));
    }

    [Fact]
    public void Guided_naming_uses_codebook_labels()
    {
        var cb = Codebook.Parse("""{"themes":[{"code":"sanctions","label":"Sanctions","seedTerms":["sanctions","asset freezes"]},{"code":"olympics","label":"Olympics","seedTerms":["Olympics","boycott"]}]}""");
        var r = new AskClusterer(new ClusterOptions { K = 2, Codebook = cb, Guided = GuidedMode.Name }).Run(TwoTopics);
        Assert.Equal("Sanctions", r.Clusters[r.Assignments[0]].Label);
        Assert.Equal("Olympics", r.Clusters[r.Assignments[4]].Label);
        var seeded = new AskClusterer(new ClusterOptions { Codebook = cb, Guided = GuidedMode.Seed }).Run(TwoTopics);
        Assert.Equal("sanctions", seeded.Clusters[seeded.Assignments[1]].Theme);
    }

    [Fact]
    public void Coded_examples_teach_a_theme_whose_seed_terms_miss_how_its_asks_are_worded()
    {
        // The "laws" theme's seed terms name no word of its asks; only its examples do.
        var cb = Codebook.Parse("""{"themes":[{"code":"laws","label":"Laws","seedTerms":["repeal"]},{"code":"cases","label":"Cases","seedTerms":["release","detained"]}]}""");
        string[] asks =
        [
            "pass the Uyghur Forced Labor Prevention Act in the Senate",
            "enact the Hong Kong Human Rights and Democracy Act this year",
            "release the detained lawyers",
            "release detained journalists and bloggers",
        ];
        string[] truth = ["laws", "laws", "cases", "cases"];
        int Right(ClusteringResult r) => r.Assignments.Select((a, i) => r.Clusters[a].Theme == truth[i]).Count(x => x);
        var plain = new AskClusterer(new ClusterOptions { Codebook = cb, Guided = GuidedMode.Seed }).Run(asks);
        Assert.True(Right(plain) < 4, "seed terms alone should not already get every ask right");
        var taught = new AskClusterer(new ClusterOptions
        {
            Codebook = cb, Guided = GuidedMode.Seed,
            Examples = [("pass the Tibet Act in the Senate", "laws"), ("enact the Rights Act this year", "laws")],
        }).Run(asks);
        Assert.All(taught.Assignments.Take(2), a => Assert.Equal("laws", taught.Clusters[a].Theme));
        Assert.All(taught.Assignments.Skip(2), a => Assert.Equal("cases", taught.Clusters[a].Theme));
        Assert.Contains("2 coded examples", taught.Method);
    }

    [Fact]
    public void Codebook_errors_name_the_file_and_problem()
    {
        var e = Assert.Throws<FormatException>(() => Codebook.Parse("""{"themes":[{"label":"x"}]}""", "my.json"));
        Assert.Contains("my.json", e.Message);
        Assert.Contains("no \"code\"", e.Message);
        Assert.Throws<FileNotFoundException>(() => Codebook.Load("/nonexistent/codebook.json"));
    }

    [Fact]
    public void Class_tfidf_prefers_terms_peculiar_to_a_class()
    {
        var top = ClassTfidf.TopTerms(["human rights sanctions", "human rights sanctions", "human rights olympics"], [0, 0, 1], 1);
        Assert.Equal("sanctions", top[0][0].Term);
        Assert.Equal("olympics", top[1][0].Term);
    }

    [Fact]
    public void Shipped_codebook_loads_with_all_codebook_themes()
    {
        var cb = Codebook.Load(RepoFiles.Find("notebooks/codebook.json"));
        Assert.Equal(19, cb.Themes.Count);
        Assert.All(cb.Themes, t => Assert.NotEmpty(t.SeedTerms));
    }
}

public class SampledKChoiceTests
{
    private static List<string> Topics(int each)
    {
        string[][] topics =
        [
            ["impose targeted sanctions on officials responsible for abuses", "freeze assets and ban visas of responsible officials"],
            ["announce a diplomatic boycott of the Winter Olympics", "send no officials to the Beijing Olympic games"],
            ["release the detained human rights lawyers", "free Ilham Tohti and every jailed lawyer"],
        ];
        var rng = new Random(4);
        var texts = new List<string>();
        for (int i = 0; i < each; i++)
            foreach (var t in topics)
                texts.Add($"{t[rng.Next(2)]} {t[rng.Next(2)].Split(' ')[rng.Next(4)]}");
        return texts;
    }

    [Fact]
    public void Above_the_limit_k_is_chosen_on_a_sample_then_fitted_on_every_ask()
    {
        var texts = Topics(40);
        var r = new AskClusterer(new ClusterOptions { ChooseKSampleLimit = 60, MaxK = 6 }).Run(texts);
        Assert.Contains("on a sample of 60 asks, then k=", r.Method);
        Assert.Equal(texts.Count, r.Assignments.Count);
        Assert.Equal(new AskClusterer(new ClusterOptions { MaxK = 6 }).Run(texts).K, r.K); // the sample chose what all asks would
        var again = new AskClusterer(new ClusterOptions { ChooseKSampleLimit = 60, MaxK = 6 }).Run(texts);
        Assert.Equal(r.Assignments, again.Assignments);
    }

    [Fact]
    public void Below_the_limit_every_ask_takes_part_in_choosing_k()
    {
        var r = new AskClusterer(new ClusterOptions { MaxK = 6 }).Run(Topics(10));
        Assert.DoesNotContain("sample", r.Method);
    }
}

public class SeededKMeansTests
{
    [Fact]
    public void Parallel_assignment_and_one_pass_sums_give_the_assignments_of_the_plain_loop()
    {
        var rng = new Random(11);
        int dim = 200, n = 3000;
        var points = Enumerable.Range(0, n).Select(_ => RandomPoint(rng, dim, 0, dim)).ToList();
        var seeds = points.Take(7).ToList();
        Assert.Equal(PlainLoop(points, seeds, dim), SeededKMeans.Run(points, seeds, dim));
    }

    [Fact]
    public void Seed_weights_on_features_no_point_has_still_count_in_the_seeds_norm()
    {
        // Points use features 0..149 of 400; seeds mix those with features 150..399 that no point has (as codebook seed
        // terms do), one seed lies wholly outside and never gets a member, and one point is empty.
        var rng = new Random(5);
        int dim = 400, n = 1500;
        var points = Enumerable.Range(0, n).Select(i => i == 17 ? new SparseVector(dim, [], []) : RandomPoint(rng, dim, 0, 150)).ToList();
        var seeds = Enumerable.Range(0, 5).Select(_ => RandomPoint(rng, dim, 0, dim)).Append(RandomPoint(rng, dim, 150, dim)).ToList();
        var expected = PlainLoop(points, seeds, dim);
        Assert.True(expected.Distinct().Count() > 2);
        Assert.Equal(expected, SeededKMeans.Run(points, seeds, dim));
    }

    private static SparseVector RandomPoint(Random rng, int dim, int from, int to)
    {
        var idx = Enumerable.Range(from, to - from).Where(_ => rng.NextDouble() < 0.04).ToArray();
        return new SparseVector(dim, idx, idx.Select(_ => (float)rng.NextDouble()).ToArray());
    }

    /// <summary>The plain loop: each point to its most similar dense centroid in order, then each cluster summed member by member.</summary>
    private static int[] PlainLoop(List<SparseVector> points, List<SparseVector> seeds, int dim)
    {
        int n = points.Count;
        var centroids = seeds.Select(s => SeededKMeans.ToDense(s, dim)).ToArray();
        var expected = Enumerable.Repeat(-1, n).ToArray();
        for (int iter = 0; iter < 50; iter++)
        {
            bool changed = false;
            for (int i = 0; i < n; i++)
            {
                int best = 0; double bestSim = double.NegativeInfinity;
                for (int c = 0; c < centroids.Length; c++) { double s = points[i].Dot(centroids[c]); if (s > bestSim) { bestSim = s; best = c; } }
                if (expected[i] != best) { expected[i] = best; changed = true; }
            }
            if (!changed) break;
            for (int c = 0; c < centroids.Length; c++)
            {
                var members = Enumerable.Range(0, n).Where(i => expected[i] == c).ToList();
                if (members.Count == 0) continue;
                var sum = new double[dim];
                foreach (var i in members) for (int j = 0; j < points[i].Indices.Length; j++) sum[points[i].Indices[j]] += points[i].Values[j];
                SeededKMeans.Normalize(sum);
                centroids[c] = sum;
            }
        }
        return expected;
    }
}
