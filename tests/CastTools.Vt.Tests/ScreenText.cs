using System.Text;

namespace CastTools.Vt.Tests;

/// <summary>Renders a terminal as readable text for assertions: one <c>|row|</c> per line, every cell shown
/// (blank as space, a wide character's tail as nothing), the cursor cell replaced by <c>█</c>.</summary>
internal static class ScreenText
{
    public const char CursorMark = '█';

    public static string Of(Terminal terminal) => Of(terminal.Snapshot());

    public static string Of(ScreenSnapshot snapshot)
    {
        var builder = new StringBuilder();
        for (int row = 0; row < snapshot.Rows; row++)
        {
            builder.Append('|');
            ReadOnlySpan<Cell> cells = snapshot.GetRow(row);
            for (int col = 0; col < cells.Length; col++)
            {
                if (row == snapshot.Cursor.Row && col == snapshot.Cursor.Column)
                {
                    builder.Append(CursorMark);
                }
                else if (cells[col].Width != 0)
                {
                    builder.Append(snapshot.GetCellText(cells[col]));
                }
            }

            builder.Append("|\n");
        }

        return builder.ToString();
    }

    /// <summary>Joins expected rows written one per argument, for readable tests.</summary>
    public static string Rows(params string[] rows)
    {
        var builder = new StringBuilder();
        foreach (string row in rows)
        {
            builder.Append('|').Append(row).Append("|\n");
        }

        return builder.ToString();
    }

    public static Terminal Run(int columns, int rows, string input)
    {
        var terminal = new Terminal(columns, rows);
        terminal.Feed(input);
        return terminal;
    }
}
