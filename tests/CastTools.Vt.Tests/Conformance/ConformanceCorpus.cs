using System.Text;
using System.Text.Json;

namespace CastTools.Vt.Tests.Conformance;

/// <summary>Loads and runs the cases of the conformance corpus (see Conformance/README.md).</summary>
internal static class ConformanceCorpus
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Conformance");

    public static IReadOnlyList<string> CaseNames()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "manifest.json")));
        var names = new List<string>();
        foreach (JsonElement item in manifest.RootElement.GetProperty("cases").EnumerateArray())
        {
            names.Add(item.GetString()!);
        }

        return names;
    }

    /// <summary>Case name → note status (implementation_defined, disputed, ...).</summary>
    public static IReadOnlyDictionary<string, string> NoteStatuses()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "manifest.json")));
        var notes = new Dictionary<string, string>();
        foreach (JsonProperty note in manifest.RootElement.GetProperty("notes").EnumerateObject())
        {
            notes[note.Name] = note.Value.GetProperty("status").GetString()!;
        }

        return notes;
    }

    /// <summary>Feeds the case in one go and returns null when screen text and attributes match, else what differs.</summary>
    public static string? Run(string name)
    {
        string dir = Path.Combine(Root, name);
        using JsonDocument size = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "size.json")));
        int cols = size.RootElement.GetProperty("cols").GetInt32();
        int rows = size.RootElement.GetProperty("rows").GetInt32();
        var terminal = new Terminal(cols, rows);
        terminal.Feed(File.ReadAllBytes(Path.Combine(dir, "input.bin")));
        ScreenSnapshot snapshot = terminal.Snapshot();

        var problems = new StringBuilder();
        string[] expected = File.ReadAllText(Path.Combine(dir, "expected.txt")).Split('\n');
        for (int row = 0; row < rows; row++)
        {
            string want = row < expected.Length ? expected[row] : string.Empty;
            string got = snapshot.GetRowText(row);
            if (want != got)
            {
                problems.Append($"row {row}: expected [{want}] got [{got}]\n");
            }
        }

        string attrsPath = Path.Combine(dir, "expected.attrs.json");
        if (problems.Length == 0 && File.Exists(attrsPath))
        {
            CompareAttributes(snapshot, attrsPath, problems);
        }

        return problems.Length == 0 ? null : problems.ToString();
    }

    private static void CompareAttributes(ScreenSnapshot snapshot, string path, StringBuilder problems)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var expected = new Dictionary<(int Row, int Col), string>();
        foreach (JsonElement run in doc.RootElement.GetProperty("runs").EnumerateArray())
        {
            int row = run[0].GetInt32();
            int col = run[1].GetInt32();
            int length = run[2].GetInt32();
            string attrs = Describe(run[3]);
            for (int i = 0; i < length; i++)
            {
                expected[(row, col + i)] = attrs;
            }
        }

        int reported = 0;
        for (int row = 0; row < snapshot.Rows; row++)
        {
            ReadOnlySpan<Cell> cells = snapshot.GetRow(row);
            for (int col = 0; col < cells.Length; col++)
            {
                // Only the first column of a wide character is compared.
                if (cells[col].Width == 0)
                {
                    continue;
                }

                string want = expected.TryGetValue((row, col), out string? a) ? a : string.Empty;
                string got = Describe(cells[col]);
                if (want != got && reported++ < 10)
                {
                    problems.Append($"cell ({row},{col}) '{snapshot.GetCellText(cells[col])}': expected {{{want}}} got {{{got}}}\n");
                }
            }
        }
    }

    private static string Describe(JsonElement attrs)
    {
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty p in attrs.EnumerateObject())
        {
            parts[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Number => p.Value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                JsonValueKind.True => "true",
                _ => p.Value.GetRawText(),
            };
        }

        return string.Join(",", parts.Select(p => $"{p.Key}={p.Value}"));
    }

    private static string Describe(in Cell cell)
    {
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!cell.Foreground.IsDefault)
        {
            parts["fg"] = cell.Foreground.ToString();
        }

        if (!cell.Background.IsDefault)
        {
            parts["bg"] = cell.Background.ToString();
        }

        void Flag(string key, bool on)
        {
            if (on)
            {
                parts[key] = "true";
            }
        }

        Flag("bold", (cell.Flags & CellFlags.Bold) != 0);
        Flag("italic", (cell.Flags & CellFlags.Italic) != 0);
        Flag("underline", cell.Underline != UnderlineStyle.None);
        Flag("inverse", (cell.Flags & CellFlags.Inverse) != 0);
        Flag("dim", (cell.Flags & CellFlags.Faint) != 0);
        Flag("strikethrough", (cell.Flags & CellFlags.Strikethrough) != 0);
        Flag("invisible", (cell.Flags & CellFlags.Invisible) != 0);
        return string.Join(",", parts.Select(p => $"{p.Key}={p.Value}"));
    }
}
