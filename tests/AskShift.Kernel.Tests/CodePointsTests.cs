using AskShift.Kernel.Protocol;
using CsCheck;

namespace AskShift.Kernel.Tests;

public class CodePointsTests
{
    [Fact]
    public void AstralCharacters_CountAsOneCodePoint()
    {
        const string code = "var 🐉 = 1; x";
        Assert.Equal(code.Length - 1, CodePoints.FromUtf16Index(code, code.Length));
        Assert.Equal(code.Length, CodePoints.ToUtf16Index(code, code.Length - 1));
        Assert.Equal(4, CodePoints.ToUtf16Index(code, 4));
        Assert.Equal(6, CodePoints.ToUtf16Index(code, 5)); // just after the dragon
    }

    [Fact]
    public void Conversions_AreInversesOnRuneBoundaries()
    {
        Gen.String.Sample(text =>
        {
            var runes = text.EnumerateRunes().Count();
            for (var cp = 0; cp <= runes; cp++)
                Assert.Equal(cp, CodePoints.FromUtf16Index(text, CodePoints.ToUtf16Index(text, cp)));
        }, iter: 200);
    }

    [Fact]
    public void OutOfRangeCursor_IsClamped()
    {
        Assert.Equal(3, CodePoints.ToUtf16Index("abc", 99));
        Assert.Equal(3, CodePoints.FromUtf16Index("abc", 99));
    }
}
