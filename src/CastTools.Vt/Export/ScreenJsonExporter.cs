using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CastTools.Vt;

/// <summary>
/// The visible screen as JSON (<c>render -o x.json</c>):
/// <c>{"cols","rows","cursor":{"x","y","visible"},"altScreen","title","lines":[[cell,...],...]}</c>, one cell object
/// per column <c>{"ch","width","fg","bg","bold","italic","underline","inverse","dim","strikethrough","blink","invisible"}</c>.
/// The column after a wide character is <c>{"ch":"","width":0,...}</c>. Colours are <c>null</c> (default), a palette
/// index 0–255, or <c>"#rrggbb"</c>; inverse is reported as a flag, not applied.
/// </summary>
public static class ScreenJsonExporter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep non-ASCII text readable and byte-identical across runs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Export(ScreenSnapshot snapshot)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(snapshot, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(ScreenSnapshot snapshot, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        Write(snapshot, writer);
    }

    public static void Write(ScreenSnapshot snapshot, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(snapshot, writer);
    }

    private static void Write(ScreenSnapshot snapshot, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        writer.WriteStartObject();
        writer.WriteNumber("cols", snapshot.Columns);
        writer.WriteNumber("rows", snapshot.Rows);
        writer.WriteStartObject("cursor");
        writer.WriteNumber("x", snapshot.Cursor.Column);
        writer.WriteNumber("y", snapshot.Cursor.Row);
        writer.WriteBoolean("visible", snapshot.Cursor.Visible);
        writer.WriteEndObject();
        writer.WriteBoolean("altScreen", snapshot.IsAlternateScreen);
        if (snapshot.Title is null)
        {
            writer.WriteNull("title");
        }
        else
        {
            writer.WriteString("title", snapshot.Title);
        }

        writer.WriteStartArray("lines");
        for (int row = 0; row < snapshot.Rows; row++)
        {
            writer.WriteStartArray();
            foreach (ref readonly Cell cell in snapshot.GetRow(row))
            {
                WriteCell(snapshot, cell, writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteCell(ScreenSnapshot snapshot, in Cell cell, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("ch", snapshot.GetCellText(cell));
        writer.WriteNumber("width", cell.Width);
        WriteColor(writer, "fg", cell.Foreground);
        WriteColor(writer, "bg", cell.Background);
        CellFlags flags = cell.Flags;
        writer.WriteBoolean("bold", (flags & CellFlags.Bold) != 0);
        writer.WriteBoolean("italic", (flags & CellFlags.Italic) != 0);
        writer.WriteBoolean("underline", cell.Underline != UnderlineStyle.None);
        writer.WriteBoolean("inverse", (flags & CellFlags.Inverse) != 0);
        writer.WriteBoolean("dim", (flags & CellFlags.Faint) != 0);
        writer.WriteBoolean("strikethrough", (flags & CellFlags.Strikethrough) != 0);
        writer.WriteBoolean("blink", (flags & CellFlags.Blink) != 0);
        writer.WriteBoolean("invisible", (flags & CellFlags.Invisible) != 0);
        writer.WriteEndObject();
    }

    private static void WriteColor(Utf8JsonWriter writer, string name, Color color)
    {
        switch (color.Kind)
        {
            case ColorKind.Indexed:
                writer.WriteNumber(name, color.Index);
                break;
            case ColorKind.Rgb:
                writer.WriteString(name, color.Rgb.ToString());
                break;
            default:
                writer.WriteNull(name);
                break;
        }
    }
}
