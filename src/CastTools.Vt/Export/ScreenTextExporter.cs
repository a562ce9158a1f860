using System.Text;

namespace CastTools.Vt;

/// <summary>
/// The visible screen as plain text (<c>render -o x.txt</c>): exactly <see cref="ScreenSnapshot.Rows"/> lines, each
/// ended by <c>\n</c>, trailing spaces cut, a wide character written once, grapheme clusters whole.
/// </summary>
public static class ScreenTextExporter
{
    public static string Export(ScreenSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.GetText();
    }

    public static void Write(ScreenSnapshot snapshot, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Export(snapshot));
    }

    /// <summary>Appends one row of cells as text (no line end; trailing spaces cut unless the row wraps on).</summary>
    internal static void AppendRow(ReadOnlySpan<Cell> cells, Func<int, CellExtra?> getExtra, StringBuilder builder, bool trimTrailing = true)
    {
        int start = builder.Length;
        foreach (ref readonly Cell cell in cells)
        {
            if (cell.Width == 0)
            {
                continue;
            }

            if (cell.ExtraId != 0 && getExtra(cell.ExtraId) is { Grapheme: { } grapheme })
            {
                builder.Append(grapheme);
            }
            else if (cell.CodePoint is <= 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(new Rune(cell.CodePoint).ToString());
            }
        }

        int end = builder.Length;
        while (trimTrailing && end > start && builder[end - 1] == ' ')
        {
            end--;
        }

        builder.Length = end;
    }
}
