namespace AskShift.Cluster;

/// <summary>
/// A sparse feature vector (sorted indices). Text features have tens of thousands of dimensions but a few dozen
/// non-zeros per ask, so dense arrays would not fit for thousands of asks.
/// </summary>
public sealed class SparseVector
{
    public int[] Indices { get; }
    public float[] Values { get; }
    public int Length { get; }

    public SparseVector(int length, int[] indices, float[] values)
    {
        if (indices.Length != values.Length) throw new ArgumentException("indices and values differ in length");
        Length = length; Indices = indices; Values = values;
    }

    /// <summary>Dot product with another sparse vector (merge of sorted index lists).</summary>
    public double Dot(SparseVector other)
    {
        double s = 0; int i = 0, j = 0;
        var a = Indices; var b = other.Indices;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { s += (double)Values[i] * other.Values[j]; i++; j++; }
            else if (a[i] < b[j]) i++; else j++;
        }
        return s;
    }

    /// <summary>Dot product with a dense vector (a centroid).</summary>
    public double Dot(double[] dense)
    {
        double s = 0;
        for (int i = 0; i < Indices.Length; i++) s += Values[i] * dense[Indices[i]];
        return s;
    }

    public double SquaredNorm() { double s = 0; foreach (var v in Values) s += (double)v * v; return s; }

    /// <summary>Squared euclidean distance to a dense vector whose squared norm is known.</summary>
    public double SquaredDistance(double[] dense, double denseSquaredNorm) => Math.Max(0, SquaredNorm() - 2 * Dot(dense) + denseSquaredNorm);
}
