using System.Text;
using CastTools.Vt;
using SkiaSharp;

namespace CastTools.Render.Svg;

/// <summary>
/// Draws screen rows as SVG the way <see cref="Rasterizer"/> draws them as pixels (same fonts, cell metrics,
/// padding, colour resolver, cursor and procedural geometry), registering what rows need (glyph outlines, emoji
/// images, geometry) in the shared <see cref="SvgDefinitions"/>. Rows are drawn in row-local coordinates (x from the
/// grid's left edge, y from the row's top) so identical rows anywhere on screen share one definition.
/// </summary>
internal sealed partial class SvgScreenPainter : IDisposable
{
    /// <summary>Glyph outlines are stored on a grid of 1/10 px (integers, relative moves) and scaled back down.</summary>
    private const double PathUnitsPerPixel = 10;

    /// <summary>Colour emoji are embedded at twice the cell resolution so they stay sharp on high-DPI screens.</summary>
    private const int EmojiImageScale = 2;

    private readonly RenderStyle _style;
    private readonly FontSet _fonts;
    private readonly ColorResolver _colors;
    private readonly ProceduralGlyphs _procedural;
    private readonly SvgDefinitions _definitions;
    private readonly bool _text;
    private readonly StringBuilder _row = new(2048);
    /// <summary>How many definitions a row's chain of references may go through (bounds the viewer's work).</summary>
    private const int MaxRowChain = 16;

    /// <summary>Runs of the same character shorter than this are cheaper as one reference per cell.</summary>
    private const int MinRun = 4;

    private readonly Dictionary<string, int> _depth = new(StringComparer.Ordinal);
    private readonly StringBuilder _word = new(256);
    private readonly MarkupTable _words = new(); // word markup → id once seen twice (null: seen once)
    private StringBuilder _glyphs = new(2048);
    private bool _useWords;
    private int _rangeFrom;
    private int _rangeTo = int.MaxValue;
    private int _originX; // subtracted from every x: the cursor overlay is drawn in its cell's coordinates
    private readonly Rgb[] _foreground;
    private readonly Rgb[] _background;
    private readonly Rgb[] _underline;
    private readonly string _rowClipId;
    private readonly Dictionary<string, string?> _outlineIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _overflowing = new(StringComparer.Ordinal);
    private bool _rowNeedsClip;
    private int _groupStart;
    private int _groupContentStart;
    private int _groupElements;
    private string _groupFill = string.Empty;

    /// <param name="text">Text in the original font files (<c>--svg-text</c>).</param>
    /// <param name="paths">Every glyph a path definition (<c>--svg-paths</c>); otherwise, and without
    /// <paramref name="text"/>, text in a font of the glyph outlines (the default).</param>
    public SvgScreenPainter(RenderStyle style, int columns, int rows, bool text, bool paths, SvgDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(style);
        _style = style;
        _definitions = definitions;
        _text = text;
        _fontMode = !text && !paths;
        _fonts = new FontSet(style);
        try
        {
            Columns = columns;
            Rows = rows;
            CellWidth = _fonts.CellWidth;
            CellHeight = _fonts.CellHeight;

            // The same padding rule as the rasteriser, so the SVG and the GIF have the same canvas.
            Padding padding = Padding.ForGrid(style, CellWidth, CellHeight);
            PaddingLeft = padding.Left;
            PaddingTop = padding.Top;
            Width = padding.Left + (columns * CellWidth) + padding.Right;
            Height = padding.Top + (rows * CellHeight) + padding.Bottom;
            _colors = new ColorResolver(style.Theme, style.BoldIsBright);
            _procedural = new ProceduralGlyphs(CellWidth, CellHeight, _fonts.SizePixels, style.CoverageLevels);
            _foreground = new Rgb[columns];
            _background = new Rgb[columns];
            _underline = new Rgb[columns];

            // Glyphs are clipped to their row band, as the rasteriser does (tall marks never spill into the next row).
            _rowClipId = definitions.GetOrAdd("clip", this, static (b, id, self) => b
                .Append("<clipPath id=\"").Append(id).Append("\"><rect x=\"-").Append(self.PaddingLeft)
                .Append("\" width=\"").Append(self.Width).Append("\" height=\"").Append(self.CellHeight).Append("\"/></clipPath>"));
        }
        catch
        {
            _fonts.Dispose();
            throw;
        }
    }

    public int Columns { get; }

    public int Rows { get; }

    public int CellWidth { get; }

    public int CellHeight { get; }

    public int PaddingLeft { get; }

    public int PaddingTop { get; }

    /// <summary>Canvas size in pixels, as the rasteriser's.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// The fill the document sets on its root (the first frame's default foreground): glyphs of that colour are
    /// written without one. Fixed once set, as row definitions are shared across the whole document.
    /// </summary>
    public Rgb? InheritedFill { get; set; }

    /// <summary>The first frame's default foreground, as CSS (call after <see cref="BeginFrame"/>).</summary>
    public Rgb DefaultForeground => _colors.DefaultForeground;

    /// <summary>Takes the snapshot's colour state; call before drawing its rows.</summary>
    public void BeginFrame(ScreenSnapshot snapshot) => _colors.Update(snapshot);

    /// <summary>The colour around and behind the grid for the current frame.</summary>
    public string Background => Hex(_colors.CanvasBackground);

    /// <summary>Whether two snapshots resolve colours the same way (so an unchanged row draws the same).</summary>
    public static bool SameColors(ScreenSnapshot a, ScreenSnapshot b) =>
        ReferenceEquals(a.PaletteOverrides, b.PaletteOverrides) && a.ReverseVideo == b.ReverseVideo
        && a.DefaultForeground == b.DefaultForeground && a.DefaultBackground == b.DefaultBackground
        && a.CursorColor == b.CursorColor;

    /// <summary>Whether the cursor is drawn on <paramref name="row"/> of <paramref name="snapshot"/>.</summary>
    public bool CursorOn(ScreenSnapshot snapshot, int row) =>
        _style.ShowCursor && snapshot.Cursor.Visible && snapshot.Cursor.Row == row;

    /// <summary>The id of the definition drawing one row, or null when the row shows only the background.</summary>
    /// <remarks>The cursor is not part of the row (see <see cref="DefineCursor"/>), so a row's definition is shared by
    /// every frame showing that text, wherever the cursor is.</remarks>
    public string? DefineRow(ScreenSnapshot snapshot, int row) => Define(snapshot, row, cursorOverlay: false, null, null);

    /// <summary>
    /// As <see cref="DefineRow(ScreenSnapshot, int)"/>, and when the row is its previous look (row
    /// <paramref name="row"/> of <paramref name="previous"/>, defined as <paramref name="previousId"/>, drawn with the
    /// same colours) plus cells written where that showed nothing, the new definition is a reference to the previous
    /// one plus the new cells: a line being typed costs a character per frame, not the whole line.
    /// </summary>
    public string? DefineRow(ScreenSnapshot snapshot, int row, ScreenSnapshot? previous, string? previousId) =>
        Define(snapshot, row, cursorOverlay: false, previous, previousId);

    /// <summary>Where the last cursor overlay (<see cref="DefineCursor"/>) goes in its row: the x of its cell.</summary>
    public int CursorX { get; private set; }

    /// <summary>
    /// The id of the cursor overlay of the snapshot's cursor row (drawn over that row at <see cref="CursorX"/>, in its cell's coordinates), or
    /// null when no cursor is shown. A block cursor is its cell(s) redrawn in the cursor colours: the cell's
    /// background, decorations and glyph, as the rasteriser paints them; bar and underline cursors are a bar.
    /// </summary>
    public string? DefineCursor(ScreenSnapshot snapshot)
    {
        int row = snapshot.Cursor.Row;
        return row >= 0 && row < snapshot.Rows && CursorOn(snapshot, row) ? Define(snapshot, row, cursorOverlay: true, null, null) : null;
    }

    private string? Define(ScreenSnapshot snapshot, int row, bool cursorOverlay, ScreenSnapshot? previous, string? previousId)
    {
        // A row is known by its markup with every word inline, which depends on the row alone. (The markup written
        // depends on which words were seen before, so keying by it would give one row several definitions.)
        _row.Clear();
        _useWords = false;
        DrawRow(snapshot, row, cursorOverlay);
        if (_row.Length == 0)
        {
            return null;
        }

        MarkupKey key = MarkupKey.Of(_row, MarkupKey.Row);
        if (_definitions.TryGet(key, out string? known))
        {
            return known;
        }

        // What is written: the row as drawn, or, outside text mode and the cursor overlay, a cheaper form of it.
        string markup = _row.ToString();
        int depth = 0;
        if (!_text && !cursorOverlay)
        {
            if (previous is not null && previousId is not null && _depth.TryGetValue(previousId, out int previousDepth)
                && previousDepth < MaxRowChain && AddedCells(snapshot.GetRow(row), previous.GetRow(row)) is (int from, int to))
            {
                // Only the new cells, over the previous look (their backgrounds are the canvas: nothing to cover).
                _row.Clear();
                _useWords = !_fontMode;
                _row.Append("<use href=\"#").Append(previousId).Append("\"/>");
                (_rangeFrom, _rangeTo) = (from, to);
                DrawRow(snapshot, row, cursorOverlay);
                (_rangeFrom, _rangeTo) = (0, int.MaxValue);
                depth = previousDepth + 1;
                markup = _row.ToString();
            }
            else if (!_fontMode)
            {
                // Path mode: words seen before become references.
                _row.Clear();
                _useWords = true;
                DrawRow(snapshot, row, cursorOverlay);
                markup = _row.ToString();
            }
        }

        string id = _definitions.GetOrAdd(key, markup, static (b, id, m) => b.Append("<g id=\"").Append(id).Append("\">").Append(m).Append("</g>"));
        if (!cursorOverlay)
        {
            if (_depth.Count >= SvgDefinitions.MaxEntries)
            {
                _depth.Clear(); // bounded: a forgotten depth only ends a chain of increments early
            }

            _depth[id] = depth;
        }

        return id;
    }

    /// <summary>
    /// The columns [from, to) where <paramref name="now"/> differs from <paramref name="before"/>, when every one of
    /// them showed nothing before (a blank on the default background) and shows no background or decoration now, and
    /// every other cell is unchanged; null otherwise. Needs the colours of <paramref name="now"/> resolved (DrawRow).
    /// </summary>
    private (int From, int To)? AddedCells(ReadOnlySpan<Cell> now, ReadOnlySpan<Cell> before)
    {
        int columns = Math.Min(Math.Min(now.Length, before.Length), Columns);
        Rgb canvas = _colors.CanvasBackground;
        int from = -1, to = -1;
        for (int col = 0; col < columns; col++)
        {
            ref readonly Cell a = ref now[col];
            ref readonly Cell b = ref before[col];
            if (a == b)
            {
                continue;
            }

            bool wasEmpty = b.CodePoint <= ' ' && b.Background.IsDefault && b.Flags == 0 && b.Underline == UnderlineStyle.None
                && b.ExtraId == 0 && b.Width == 1;
            bool plain = _background[col] == canvas && a.Underline == UnderlineStyle.None
                && (a.Flags & (CellFlags.Strikethrough | CellFlags.Overline)) == 0;
            if (!wasEmpty || !plain || (to >= 0 && col != to))
            {
                return null; // a changed cell, or added cells in more than one place
            }

            if (from < 0)
            {
                from = col;
            }

            to = col + 1;
        }

        return from < 0 ? null : (from, to);
    }

    public void Dispose() => _fonts.Dispose();

    private void DrawRow(ScreenSnapshot snapshot, int row, bool cursorOverlay)
    {
        ReadOnlySpan<Cell> cells = snapshot.GetRow(row);
        int columns = Math.Min(Math.Min(cells.Length, snapshot.Columns), Columns);
        CursorState cursor = snapshot.Cursor;
        int cursorCol = -1, cursorWidth = 1;
        if (cursorOverlay && CursorOn(snapshot, row) && columns > 0)
        {
            cursorCol = Math.Clamp(cursor.Column, 0, columns - 1);
            if (cursorCol > 0 && cells[cursorCol].IsWideTail)
            {
                cursorCol--;
            }

            cursorWidth = cells[cursorCol].IsWideHead ? 2 : 1;
        }

        Rgb canvas = _colors.CanvasBackground;
        Rgb cursorColor = _colors.Cursor;
        bool blockCursor = cursorCol >= 0 && cursor.Shape == CursorShape.Block;
        if (cursorOverlay && cursorCol < 0)
        {
            return;
        }

        _originX = cursorOverlay ? cursorCol * CellWidth : 0;
        CursorX = _originX;

        // The overlay draws only the cells under a block cursor (none for a bar or underline cursor).
        int drawFrom = cursorOverlay ? (blockCursor ? cursorCol : columns) : Math.Min(_rangeFrom, columns);
        int drawTo = cursorOverlay ? (blockCursor ? cursorCol + cursorWidth : columns) : Math.Min(_rangeTo, columns);

        // 1. Backgrounds, merged into runs of one colour.
        int runStart = -1;
        Rgb runColor = canvas;
        for (int col = 0; col < columns; col++)
        {
            ref readonly Cell cell = ref cells[col];
            _colors.Resolve(in cell, cell.ExtraId != 0 ? snapshot.GetExtra(cell.ExtraId) : null, out _foreground[col], out _background[col], out _underline[col]);
            if (blockCursor && col >= cursorCol && col < cursorCol + cursorWidth)
            {
                _foreground[col] = _background[col];
                _background[col] = cursorColor;
            }

            Rgb bg = col >= drawFrom && col < drawTo ? _background[col] : canvas;
            if (runStart >= 0 && bg != runColor)
            {
                Rect(runStart * CellWidth, 0, (col - runStart) * CellWidth, CellHeight, runColor);
                runStart = -1;
            }

            if (runStart < 0 && bg != canvas)
            {
                runStart = col;
                runColor = bg;
            }
        }

        if (runStart >= 0)
        {
            Rect(runStart * CellWidth, 0, (columns - runStart) * CellWidth, CellHeight, runColor);
        }

        // 2. Decorations.
        for (int col = drawFrom; col < drawTo; col++)
        {
            ref readonly Cell cell = ref cells[col];
            if (!cell.IsWideTail && (cell.Flags & CellFlags.Invisible) == 0
                && (cell.Underline != UnderlineStyle.None || (cell.Flags & (CellFlags.Strikethrough | CellFlags.Overline)) != 0))
            {
                DrawDecorations(in cell, col, cell.IsWideHead ? 2 : 1);
            }
        }

        // 3. Glyphs, grouped by colour, clipped to the row.
        _glyphs.Clear();
        _rowNeedsClip = false;
        if (_fontMode)
        {
            DrawText(snapshot, cells, drawFrom, drawTo);
        }

        if (!_useWords)
        {
            DrawCells(snapshot, cells, drawFrom, drawTo, _originX, colors: true);
        }
        else
        {
            DrawWords(snapshot, cells, drawFrom, drawTo);
        }

        if (_glyphs.Length > 0)
        {
            if (_rowNeedsClip)
            {
                _row.Append("<g clip-path=\"url(#").Append(_rowClipId).Append(")\">").Append(_glyphs).Append("</g>");
            }
            else
            {
                _row.Append(_glyphs);
            }
        }

        // 4. Underline and bar cursors go over the text.
        if (cursorCol >= 0 && !blockCursor)
        {
            int x = cursorCol * CellWidth;
            int thickness = Math.Max(1, (int)Math.Round(CellWidth / 8.0));
            if (cursor.Shape == CursorShape.Bar)
            {
                Rect(x, 0, thickness, CellHeight, cursorColor);
            }
            else
            {
                int h = Math.Max(thickness, _fonts.LineThickness * 2);
                Rect(x, CellHeight - h, CellWidth * cursorWidth, h, cursorColor);
            }
        }
    }

    private static bool IsBlank(in Cell cell) =>
        !cell.IsWideTail && (cell.CodePoint <= ' ' || (cell.Flags & CellFlags.Invisible) != 0);

    /// <summary>
    /// The glyphs of columns [from, to) word by word (a word: cells between blanks). A word seen a second time becomes
    /// a definition placed with one <c>&lt;use&gt;</c>, so text that comes back (a line growing as it is typed, a
    /// keyword, a prompt) costs one reference instead of a reference per glyph; a word seen once stays inline, so
    /// a definition is only paid for when it is reused. A word in one colour is defined without colour and takes
    /// the colour of the row's group around it (the same word in another colour shares the definition).
    /// </summary>
    private void DrawWords(ScreenSnapshot snapshot, ReadOnlySpan<Cell> cells, int from, int to)
    {
        bool inGroup = false;
        Rgb groupColor = default;
        int col = from;
        while (col < to)
        {
            if (IsBlank(in cells[col]))
            {
                col++;
                continue;
            }

            int start = col;
            Rgb color = _foreground[col];
            bool uniform = true;
            for (; col < to && !IsBlank(in cells[col]); col++)
            {
                uniform &= cells[col].IsWideTail || _foreground[col] == color;
            }

            string? id = null;
            if (col - start > 1)
            {
                // The word in word-local coordinates: its key, and its markup when it gets defined.
                StringBuilder rowGlyphs = _glyphs;
                (int gs, int gcs, int ge, string gf) = (_groupStart, _groupContentStart, _groupElements, _groupFill);
                _glyphs = _word.Clear();
                DrawCells(snapshot, cells, start, col, start * CellWidth, colors: !uniform);
                _glyphs = rowGlyphs;
                (_groupStart, _groupContentStart, _groupElements, _groupFill) = (gs, gcs, ge, gf);
                if (_word.Length == 0)
                {
                    continue;
                }

                MarkupKey key = MarkupKey.Of(_word, MarkupKey.Word);
                bool seen = _words.TryGet(key, out id, out _);
                if (seen && id is null)
                {
                    id = _definitions.GetOrAdd(key, _word, static (b, id, m) => b.Append("<g id=\"").Append(id).Append("\">").Append(m).Append("</g>"));
                    _words.Set(key, id);
                }
                else if (!seen)
                {
                    _words.Set(key, null);
                }
            }

            if (uniform)
            {
                if (!inGroup || color != groupColor)
                {
                    if (inGroup)
                    {
                        CloseColorGroup();
                    }

                    OpenColorGroup(color);
                    groupColor = color;
                    inGroup = true;
                }
            }
            else if (inGroup)
            {
                CloseColorGroup();
                inGroup = false;
            }

            if (id is not null)
            {
                Use(_glyphs, id, start * CellWidth);
                _groupElements++;
            }
            else
            {
                DrawCells(snapshot, cells, start, col, 0, colors: !uniform);
            }
        }

        if (inGroup)
        {
            CloseColorGroup();
        }
    }

    /// <summary>The glyphs of columns [from, to), at x minus <paramref name="originX"/>; grouped by colour when <paramref name="colors"/>.</summary>
    private void DrawCells(ScreenSnapshot snapshot, ReadOnlySpan<Cell> cells, int from, int to, int originX, bool colors)
    {
        Rgb groupColor = default;
        bool inGroup = false;
        for (int col = from; col < to; col++)
        {
            ref readonly Cell cell = ref cells[col];
            if (cell.IsWideTail || cell.CodePoint <= ' ' || (cell.Flags & CellFlags.Invisible) != 0 || (_fontMode && _inText[col]))
            {
                continue;
            }

            int width = cell.IsWideHead ? 2 : 1;
            int x = (col * CellWidth) - originX;
            Rgb fg = _foreground[col];
            if (colors && (!inGroup || fg != groupColor))
            {
                if (inGroup)
                {
                    FlushTextRun();
                    CloseColorGroup();
                }

                OpenColorGroup(fg);
                groupColor = fg;
                inGroup = true;
            }

            // A run of the same character (bars, rules, fills) is placed with a few doubling definitions.
            int run = 1;
            if (!_text && width == 1 && cell.ExtraId == 0)
            {
                while (col + run < to && cells[col + run] == cell && _foreground[col + run] == fg)
                {
                    run++;
                }
            }

            if (ProceduralGlyphs.Handles(cell.CodePoint))
            {
                FlushTextRun();
                DrawRun(DefineGeometry(cell.CodePoint, width), x, run);
                col += run - 1;
                continue;
            }

            var style = (GlyphStyle)(((cell.Flags & CellFlags.Bold) != 0 ? 1 : 0) | ((cell.Flags & CellFlags.Italic) != 0 ? 2 : 0));
            if (run >= MinRun)
            {
                PlacedGlyph glyph = _fonts.GetGlyph(cell.CodePoint, style, width);
                string? id = glyph.IsColor ? DefineColorGlyph(glyph) : DefineOutline(glyph);
                if (id is not null)
                {
                    DrawRun(id, x + glyph.X, run);
                    _rowNeedsClip |= _overflowing.Contains(id);
                }

                col += run - 1;
                continue;
            }

            if (cell.ExtraId != 0 && snapshot.GetExtra(cell.ExtraId) is { Grapheme: { } grapheme })
            {
                FlushTextRun();
                foreach (PlacedGlyph glyph in _fonts.GetGraphemeGlyphs(grapheme, style, width))
                {
                    DrawGlyph(glyph, x);
                }
            }
            else
            {
                PlacedGlyph glyph = _fonts.GetGlyph(cell.CodePoint, style, width);
                if (!_text || !AddToTextRun(glyph, cell.CodePoint, col, width))
                {
                    FlushTextRun();
                    DrawGlyph(glyph, x);
                }
            }
        }

        FlushTextRun();
        if (inGroup)
        {
            CloseColorGroup();
        }
    }

    /// <summary>
    /// <paramref name="count"/> copies of <paramref name="id"/> a cell apart from <paramref name="x"/>: one
    /// <c>&lt;use&gt;</c> per set bit of the count, of definitions that each double the previous one.
    /// </summary>
    private void DrawRun(string id, int x, int count)
    {
        if (count < MinRun)
        {
            for (int i = 0; i < count; i++)
            {
                Use(_glyphs, id, x + (i * CellWidth));
                _groupElements++;
            }

            return;
        }

        for (int bit = 30; bit >= 0; bit--)
        {
            int n = 1 << bit;
            if ((count & n) != 0)
            {
                Use(_glyphs, RunDefinition(id, n), x);
                _groupElements++;
                x += n * CellWidth;
            }
        }
    }

    private string RunDefinition(string id, int n)
    {
        if (n == 1)
        {
            return id;
        }

        string half = RunDefinition(id, n / 2);
        return _definitions.GetOrAdd(string.Concat("r", id, ":", n.ToString(System.Globalization.CultureInfo.InvariantCulture)), (half, n / 2 * CellWidth), static (b, id, s) => b
            .Append("<g id=\"").Append(id).Append("\"><use href=\"#").Append(s.half).Append("\"/><use href=\"#").Append(s.half)
            .Append("\" x=\"").Append(s.Item2).Append("\"/></g>"));
    }

    // A colour group holding a single element is written as that element with the fill on it.
    private void OpenColorGroup(Rgb color)
    {
        if (color == InheritedFill)
        {
            // The document's fill: nothing to write, the glyphs inherit it.
            _groupStart = -1;
            _groupElements = 0;
            return;
        }

        _groupStart = _glyphs.Length;
        _groupFill = Hex(color);
        _glyphs.Append("<g fill=\"").Append(_groupFill).Append("\">");
        _groupContentStart = _glyphs.Length;
        _groupElements = 0;
    }

    private void CloseColorGroup()
    {
        if (_groupStart < 0)
        {
            return;
        }

        if (_groupElements == 1)
        {
            // "<g fill="#c"><use .../>" → "<use fill="#c" .../>": the element's name ends at the first space or '/'.
            int nameEnd = _groupContentStart + 1;
            while (_glyphs[nameEnd] is not (' ' or '/' or '>'))
            {
                nameEnd++;
            }

            _glyphs.Insert(nameEnd, " fill=\"" + _groupFill + "\"");
            _glyphs.Remove(_groupStart, _groupContentStart - _groupStart);
        }
        else
        {
            _glyphs.Append("</g>");
        }
    }

    private void DrawGlyph(in PlacedGlyph glyph, int cellX)
    {
        string? id = glyph.IsColor ? DefineColorGlyph(glyph) : DefineOutline(glyph);
        if (id is not null)
        {
            Use(_glyphs, id, cellX + glyph.X);
            _groupElements++;
            _rowNeedsClip |= _overflowing.Contains(id);
        }
    }

    private void DrawDecorations(in Cell cell, int col, int width)
    {
        int x = col * CellWidth;
        int w = width * CellWidth;
        int t = _fonts.LineThickness;
        Rgb fg = _foreground[col];
        Rgb ul = _underline[col];
        int underTop = _fonts.UnderlineTop;
        switch (cell.Underline)
        {
            case UnderlineStyle.Single:
                Rect(x, underTop, w, t, ul);
                break;
            case UnderlineStyle.Double:
                int second = underTop + (2 * t);
                if (second + t > CellHeight)
                {
                    underTop = Math.Max(0, CellHeight - (3 * t));
                    second = underTop + (2 * t);
                }

                Rect(x, underTop, w, t, ul);
                Rect(x, second, w, t, ul);
                break;
            case UnderlineStyle.Curly:
                Use(_row, DefineCurly(width), x - _originX, ul, "stroke");
                break;
            case UnderlineStyle.Dotted:
                // Dots of t pixels every 2t, phased from the grid's left edge as the rasteriser does.
                _row.Append("<path d=\"M").Append(x - _originX).Append(' ');
                SvgMarkup.AppendNumber(_row, underTop + (t / 2.0));
                _row.Append('h').Append(w).Append("\" stroke=\"").Append(Hex(ul)).Append("\" stroke-width=\"").Append(t)
                    .Append("\" stroke-dasharray=\"").Append(t).Append("\" stroke-dashoffset=\"").Append(x % (2 * t)).Append("\"/>");
                break;
            case UnderlineStyle.Dashed:
                int dash = Math.Max(2, (CellWidth * 2) / 3);
                int gap = CellWidth - dash;
                for (int c = 0; c < width; c++)
                {
                    Rect(x + (c * CellWidth) + (gap / 2), underTop, dash, t, ul);
                }

                break;
        }

        if ((cell.Flags & CellFlags.Strikethrough) != 0)
        {
            Rect(x, _fonts.StrikeoutTop, w, t, fg);
        }

        if ((cell.Flags & CellFlags.Overline) != 0)
        {
            Rect(x, _fonts.OverlineTop, w, t, fg);
        }
    }

    private void Rect(int x, int y, int w, int h, Rgb color)
    {
        x -= _originX;
        _row.Append("<rect");
        if (x != 0)
        {
            _row.Append(" x=\"").Append(x).Append('"');
        }

        if (y != 0)
        {
            _row.Append(" y=\"").Append(y).Append('"');
        }

        _row.Append(" width=\"").Append(w).Append("\" height=\"").Append(h).Append("\" fill=\"").Append(Hex(color)).Append("\"/>");
    }

    private static void Use(StringBuilder builder, string id, int x, Rgb? color = null, string attribute = "fill")
    {
        builder.Append("<use href=\"#").Append(id).Append('"');
        if (x != 0)
        {
            builder.Append(" x=\"").Append(x).Append('"');
        }

        if (color is { } c)
        {
            builder.Append(' ').Append(attribute).Append("=\"").Append(Hex(c)).Append('"');
        }

        builder.Append("/>");
    }


    private static string Hex(Rgb c) => SvgMarkup.Hex(c.R, c.G, c.B);
}
