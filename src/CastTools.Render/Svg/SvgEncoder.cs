using System.Text;
using CastTools.Render.Pipeline;
using CastTools.Vt;

namespace CastTools.Render.Svg;

/// <summary>
/// Animated (or still) SVG from the frame stream: one self-contained file that plays in browsers and in GitHub
/// READMEs (an <c>&lt;img&gt;</c> context: no scripts, no external fonts, no external references).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Glyphs are outlines in <c>&lt;defs&gt;</c>, each stored once and placed with <c>&lt;use&gt;</c>, so the
/// text looks the same everywhere (CJK included); colour emoji are small embedded PNGs, also stored once
/// (<see cref="SvgScreenPainter"/>).</item>
/// <item>Each distinct row is defined once and each frame is a list of row references; a frame that looks like an
/// earlier one is a single reference to it. Definitions are written just before the frame that first needs them,
/// so the document streams with memory bounded by the dedupe tables, not the recording.</item>
/// <item>Animation as svg-term does it, which every SVG renderer with CSS animations plays: the frames stand side by
/// side in a strip, and one <c>@keyframes</c> rule with <c>steps(1, end)</c> moves the strip by a frame width at
/// each frame's exact time. One keyframe per frame is the smallest correct form (per-frame visibility rules cost
/// a rule per frame).</item>
/// </list>
/// </remarks>
public sealed class SvgEncoder : IFrameEncoder
{
    private readonly SvgOptions _options;
    private readonly SvgDefinitions _definitions = new();
    private readonly MarkupTable _frames = new(); // a frame's look → its id and index
    private readonly List<long> _frameTimes = [];
    private readonly StringBuilder _frame = new(1024);
    private readonly StringBuilder _key = new(256);
    private readonly StringBuilder _block = new(1024);
    private readonly StringBuilder _rowsRest = new(1024);
    private readonly MarkupTable _blocksSeen = new();

    /// <summary>Fewer unchanged rows than this are cheaper written out than as a shared block.</summary>
    private const int MinBlockRows = 3;
    private SvgScreenPainter? _painter;
    private TextWriter _writer = TextWriter.Null;
    private FrameStreamInfo? _info;
    private ScreenSnapshot? _previous;
    private string?[] _previousRows = [];
    private string _documentBackground = "#000";
    private long _endUs;
    private bool _started;

    // Still mode: the frame on screen at the requested moment, kept until Finish.
    private ScreenSnapshot? _still;

    public SvgEncoder(SvgOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public bool NeedsPixels => false;

    public (int Width, int Height) Canvas => _painter is { } p ? (p.Width, p.Height) : (0, 0);

    /// <summary>Frames in the animation (repeats of earlier frames included).</summary>
    public int FrameCount => _frameTimes.Count;

    /// <summary>Frames that were drawn rather than referenced as a repeat of an earlier one.</summary>
    public int UniqueFrameCount { get; private set; }

    public void Begin(Stream output, FrameStreamInfo info)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(info);
        _info = info;
        _painter = new SvgScreenPainter(_options.Look, info.Columns, info.Rows, _options.Text, _options.Paths, _definitions);

        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
    }

    public void AddFrame(in FrameData frame)
    {
        if (_info is null)
        {
            throw new InvalidOperationException("Begin must be called first.");
        }

        if (_options.StillAtUs is { } at)
        {
            // Keep the screen shown at the requested moment (or the last one before it).
            if (_still is null || frame.TimeUs <= at)
            {
                _still = frame.Snapshot;
            }

            _endUs = frame.TimeUs + frame.DurationUs;
            return;
        }

        if (!_started)
        {
            StartDocument(frame.Snapshot, animated: true);
        }

        WriteFrame(frame.Snapshot, _frameTimes.Count);
        _frameTimes.Add(frame.TimeUs);
        _endUs = frame.TimeUs + frame.DurationUs;
    }

    public void Finish()
    {
        if (_options.StillAtUs is not null)
        {
            if (_still is null)
            {
                throw new InvalidOperationException("No frame to draw.");
            }

            StartDocument(_still, animated: false);
            WriteFrame(_still, 0);
            var styles = new StringWriter();
            _painter!.WriteFontFaces(styles);
            if (styles.GetStringBuilder().Length > 0)
            {
                _writer.Write("<style>");
                _writer.Write(styles.ToString());
                _writer.Write("</style>");
            }

            _writer.Write("</svg>");
        }
        else
        {
            if (!_started)
            {
                throw new InvalidOperationException("No frame to draw.");
            }

            _writer.Write("</g></svg>");
            WriteAnimationStyle();
            _writer.Write("</svg>");
        }

        _writer.Write('\n');
        _writer.Flush();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _painter?.Dispose();
    }

    private void StartDocument(ScreenSnapshot first, bool animated)
    {
        _started = true;
        FrameStreamInfo info = _info!;
        SvgScreenPainter painter = _painter!;
        string width = SvgMarkup.Number(_painter!.Width);
        string height = SvgMarkup.Number(_painter!.Height);
        painter.BeginFrame(first);
        _documentBackground = painter.Background;

        TextWriter w = _writer;
        w.Write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
        w.Write(width);
        w.Write("\" height=\"");
        w.Write(height);
        if (!_options.Text)
        {
            // Glyphs in the default foreground inherit it from here rather than each row naming it.
            Rgb fill = painter.DefaultForeground;
            painter.InheritedFill = fill;
            w.Write("\" fill=\"");
            w.Write(SvgMarkup.Hex(fill.R, fill.G, fill.B));
        }

        if (!_options.Text && !_options.Paths)
        {
            // Spaces in text are cell-wide blanks, never to be collapsed (the text rule says white-space:pre too;
            // this is for renderers without CSS).
            w.Write("\" xml:space=\"preserve");
        }

        w.Write("\" viewBox=\"0 0 ");
        w.Write(width);
        w.Write(' ');
        w.Write(height);
        w.Write("\">");
        if (_options.Title is { Length: > 0 } title)
        {
            w.Write("<title>");
            w.Write(SvgMarkup.Escape(title));
            w.Write("</title>");
        }

        w.Write("<rect width=\"100%\" height=\"100%\" fill=\"");
        w.Write(_documentBackground);
        w.Write("\"/>");
        if (animated)
        {
            // The inner <svg> clips the strip to one frame (an outer <svg> shown as a page would not).
            w.Write("<svg width=\"");
            w.Write(width);
            w.Write("\" height=\"");
            w.Write(height);
            w.Write("\"><g class=\"s\">");
        }
    }

    private void WriteFrame(ScreenSnapshot snapshot, int index)
    {
        FrameStreamInfo info = _info!;
        SvgScreenPainter painter = _painter!;
        int rows = snapshot.Rows;
        if (_previousRows.Length != rows)
        {
            _previousRows = new string?[rows];
            _previous = null;
        }

        ScreenSnapshot? previous = _previous;
        bool sameColors = previous is not null && SvgScreenPainter.SameColors(previous, snapshot);
        painter.BeginFrame(snapshot);

        // Body: background (only when it differs from the document's) and rows (the cursor is drawn in its row, as
        // the rasteriser does); and a key naming them, to spot a repeat of an earlier frame.
        _frame.Clear();
        _key.Clear();
        string background = painter.Background;
        if (background != _documentBackground)
        {
            _frame.Append("<rect x=\"-").Append(SvgMarkup.Number(painter.PaddingLeft)).Append("\" y=\"-")
                .Append(SvgMarkup.Number(painter.PaddingTop)).Append("\" width=\"").Append(_painter!.Width)
                .Append("\" height=\"").Append(_painter!.Height).Append("\" fill=\"").Append(background).Append("\"/>");
            _key.Append(background);
        }

        // Rows from the top that are the same as in the previous frame are one shared block (typing changes one row
        // at the bottom; the block is reused by every frame until something above changes).
        _block.Clear();
        bool inBlock = previous is not null;
        int blockRows = 0;
        for (int row = 0; row < rows; row++)
        {
            bool unchanged = sameColors && snapshot.RowEquals(row, previous!);
            string? before = _previousRows[row];
            string? id = unchanged ? before : painter.DefineRow(snapshot, row, sameColors ? previous : null, before);
            _previousRows[row] = id;
            inBlock &= id == before;
            if (id is null)
            {
                continue; // nothing but the default background
            }

            StringBuilder target = inBlock ? _block : _rowsRest;
            blockRows += inBlock ? 1 : 0;
            target.Append("<use href=\"#").Append(id).Append('"');
            if (row > 0)
            {
                target.Append(" y=\"");
                SvgMarkup.AppendNumber(target, row * painter.CellHeight);
                target.Append('"');
            }

            target.Append("/>");
            _key.Append(row).Append(':').Append(id).Append(';');
        }

        MarkupKey blockKey = blockRows >= MinBlockRows ? MarkupKey.Of(_block, MarkupKey.Block) : default;
        bool seen = blockRows >= MinBlockRows && _blocksSeen.Contains(blockKey);
        if (blockRows >= MinBlockRows && !seen)
        {
            _blocksSeen.Set(blockKey, null);
        }

        if (seen)
        {
            // Seen before: shared (a block used by one frame only stays inline, it would only cost).
            string blockId = _definitions.GetOrAdd(blockKey, _block.ToString(), static (b, id, m) => b.Append("<g id=\"").Append(id).Append("\">").Append(m).Append("</g>"));
            _frame.Append("<use href=\"#").Append(blockId).Append("\"/>");
        }
        else
        {
            _frame.Append(_block);
        }

        _frame.Append(_rowsRest);
        _rowsRest.Clear();

        // The cursor goes over its row, so rows are shared whatever the cursor does.
        if (painter.DefineCursor(snapshot) is { } cursorId)
        {
            int cursorRow = snapshot.Cursor.Row;
            int cursorX = painter.CursorX;
            _frame.Append("<use href=\"#").Append(cursorId).Append('"');
            if (cursorX > 0)
            {
                _frame.Append(" x=\"").Append(cursorX).Append('"');
            }

            if (cursorRow > 0)
            {
                _frame.Append(" y=\"");
                SvgMarkup.AppendNumber(_frame, cursorRow * painter.CellHeight);
                _frame.Append('"');
            }

            _frame.Append("/>");
            _key.Append('c').Append(cursorRow).Append(',').Append(cursorX).Append(':').Append(cursorId).Append(';');
        }

        _previous = snapshot;

        _definitions.Flush(_writer);
        TextWriter w = _writer;
        bool still = _options.StillAtUs is not null;
        MarkupKey key = MarkupKey.Of(_key, MarkupKey.Frame);
        if (!still && _frames.TryGet(key, out string? earlierId, out int earlierIndex))
        {
            // The same look as an earlier frame: reference it, shifted to this frame's slot in the strip.
            w.Write("<use href=\"#");
            w.Write(earlierId);
            w.Write("\" x=\"");
            w.Write(SvgMarkup.Number((double)(index - earlierIndex) * _painter!.Width));
            w.Write("\"/>");
            return;
        }

        w.Write("<g");
        if (!still)
        {
            string frameId = _definitions.NewId();
            _frames.Set(key, frameId, index);
            UniqueFrameCount++;
            w.Write(" id=\"");
            w.Write(frameId);
            w.Write('"');
        }

        w.Write(" transform=\"translate(");
        w.Write(SvgMarkup.Number(((double)index * _painter!.Width) + painter.PaddingLeft));
        w.Write(' ');
        w.Write(SvgMarkup.Number(painter.PaddingTop));
        w.Write(")\">");
        foreach (ReadOnlyMemory<char> chunk in _frame.GetChunks())
        {
            w.Write(chunk.Span);
        }

        w.Write("</g>");
    }

    private void WriteAnimationStyle()
    {
        FrameStreamInfo info = _info!;
        long totalUs = Math.Max(_endUs, 1);
        int count = _frameTimes.Count;
        TextWriter w = _writer;
        w.Write("<style>");
        _painter!.WriteFontFaces(w);
        if (count > 1)
        {
            // Enough decimals that a keyframe lands within a millisecond of its frame's time.
            double totalMs = totalUs / 1000.0;
            int decimals = Math.Clamp((int)Math.Ceiling(Math.Log10(Math.Max(totalMs, 1))) - 2, 0, 6);
            w.Write(".s{animation:k ");
            w.Write(SvgMarkup.Number(totalUs / 1e6, 3));
            w.Write("s steps(1,end) ");
            w.Write(info.LoopCount == 0 ? "infinite" : info.LoopCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " forwards");
            w.Write("}@keyframes k{");
            for (int i = 0; i < count; i++)
            {
                WriteKeyframe(w, i == 0 ? "0" : SvgMarkup.Number(_frameTimes[i] * 100.0 / totalUs, decimals), i, _painter!.Width);
            }

            if (info.LoopCount != 0)
            {
                // Played a finite number of times: stay on the last frame.
                WriteKeyframe(w, "100", count - 1, _painter!.Width);
            }

            w.Write('}');
        }

        w.Write("</style>");
    }

    private static void WriteKeyframe(TextWriter w, string percent, int frame, int width)
    {
        w.Write(percent);
        w.Write("%{transform:translateX(");
        w.Write(frame == 0 ? "0" : SvgMarkup.Number(-(double)frame * width) + "px");
        w.Write(")}");
    }
}
