using System.Globalization;

namespace CastTools.Vt.Tests.Unicode;

/// <summary>
/// Every line of Unicode's own GraphemeBreakTest.txt (same version as the tables; copied into Unicode/Data with
/// its licence) run through a cluster splitter built on <see cref="GraphemeJoiner"/>.
/// </summary>
public class GraphemeBreakTestFileTests
{
    private static readonly string DataFile = Path.Combine(AppContext.BaseDirectory, "Unicode", "Data", "GraphemeBreakTest.txt");

    [Fact]
    public void Test_file_matches_the_table_version()
    {
        string firstLine = File.ReadLines(DataFile).First();
        Assert.Contains($"GraphemeBreakTest-{UnicodeTables.UnicodeVersion}.txt", firstLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_case_of_GraphemeBreakTest_passes()
    {
        int cases = 0;
        var failures = new List<string>();
        int lineNumber = 0;
        foreach (string rawLine in File.ReadLines(DataFile))
        {
            lineNumber++;
            string line = rawLine.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            // "÷ 0020 × 0308 ÷": code points separated by ÷ (break) or × (no break).
            string[] tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var codePoints = new List<int>();
            var expectedJoins = new List<bool>();
            for (int i = 1; i < tokens.Length - 1; i += 2)
            {
                codePoints.Add(int.Parse(tokens[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                if (i + 1 < tokens.Length - 1)
                {
                    expectedJoins.Add(tokens[i + 1] == "×");
                }
            }

            GraphemeState state = default;
            state.Start(codePoints[0]);
            for (int i = 1; i < codePoints.Count; i++)
            {
                bool joins = GraphemeJoiner.Joins(ref state, codePoints[i - 1], codePoints[i]);
                if (joins != expectedJoins[i - 1])
                {
                    failures.Add($"line {lineNumber}: {rawLine.Split('#')[0].Trim()} (position {i}: got {(joins ? "×" : "÷")})");
                    break;
                }
            }

            cases++;
        }

        Assert.True(cases > 600, $"only {cases} cases read");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} failed:\n{string.Join('\n', failures)}");
    }
}
