using System.Text;
using SkiaSharp;

namespace CastTools.Render.Svg;

/// <summary>
/// Compact SVG path data from an <see cref="SKPath"/>: coordinates on an integer grid of 1/<c>unitsPerPixel</c> px,
/// written relative to the previous point (short numbers, no repeated command letters), so a glyph outline costs a
/// fraction of <c>SKPath.ToSvgPathData()</c>'s absolute float form. Rounding happens on the absolute grid, so
/// relative steps never accumulate error.
/// </summary>
internal static class SvgPathData
{
    public static string From(SKPath path, double unitsPerPixel)
    {
        var writer = new Writer(unitsPerPixel);
        PathSegments.Walk(path, writer);
        return writer.ToString();
    }

    /// <summary>
    /// The shortest relative form of each segment on the grid: <c>h</c>/<c>v</c> for axis-aligned lines, <c>t</c> for
    /// a quad whose control point is the reflection of the previous one (TrueType's implied on-curve points make
    /// that the common case), an implicit line-to after a move, no zero-length lines and no line that
    /// <c>z</c> draws anyway. Each shortcut is taken only when it gives exactly the same grid points.
    /// </summary>
    private sealed class Writer(double unitsPerPixel) : IPathSink
    {
        private readonly StringBuilder _builder = new(256);
        private long _x;
        private long _y;
        private long _startX;
        private long _startY;
        private long _controlX;
        private long _controlY;
        private bool _quad; // the previous segment was a quad: its control point can be reflected
        private char _last;
        private int _lineStart = -1; // where the previous segment's text starts, when it was a line

        public override string ToString() => _builder.ToString();

        public void Move(SKPoint p)
        {
            (long px, long py) = Grid(p);
            _builder.Append('m');
            _last = 'm';
            Value(px - _x, true);
            Value(py - _y, false);
            _x = _startX = px;
            _y = _startY = py;
            _quad = false;
            _lineStart = -1;
        }

        public void Line(SKPoint p)
        {
            (long px, long py) = Grid(p);
            long dx = px - _x;
            long dy = py - _y;
            _quad = false;
            if (dx == 0 && dy == 0)
            {
                return; // draws nothing in a fill
            }

            int start = _builder.Length;
            if (dx == 0)
            {
                Value(dy, Emit('v'));
            }
            else if (dy == 0)
            {
                Value(dx, Emit('h'));
            }
            else
            {
                // Pairs right after a move's pair are implicit line-tos, as are pairs after an 'l'.
                bool first = _last is not ('m' or 'l') && Emit('l');
                Value(dx, first);
                Value(dy, false);
            }

            _lineStart = start;
            _x = px;
            _y = py;
        }

        public void Quad(SKPoint control, SKPoint p)
        {
            (long cx, long cy) = Grid(control);
            (long px, long py) = Grid(p);
            if (_quad && cx == (2 * _x) - _controlX && cy == (2 * _y) - _controlY)
            {
                bool first = Emit('t');
                Value(px - _x, first);
                Value(py - _y, false);
            }
            else
            {
                bool first = Emit('q');
                Value(cx - _x, first);
                Value(cy - _y, false);
                Value(px - _x, false);
                Value(py - _y, false);
            }

            _controlX = cx;
            _controlY = cy;
            _quad = true;
            _lineStart = -1;
            _x = px;
            _y = py;
        }

        public void Cubic(SKPoint from, SKPoint c1, SKPoint c2, SKPoint p)
        {
            (long x1, long y1) = Grid(c1);
            (long x2, long y2) = Grid(c2);
            (long px, long py) = Grid(p);
            bool first = Emit('c');
            Value(x1 - _x, first);
            Value(y1 - _y, false);
            Value(x2 - _x, false);
            Value(y2 - _y, false);
            Value(px - _x, false);
            Value(py - _y, false);
            _quad = false;
            _lineStart = -1;
            _x = px;
            _y = py;
        }

        public void Close()
        {
            if (_lineStart >= 0 && _x == _startX && _y == _startY)
            {
                // The last line ends where the subpath started: 'z' draws it.
                _builder.Length = _lineStart;
            }

            _builder.Append('z');
            _last = 'z';
            _x = _startX;
            _y = _startY;
            _quad = false;
            _lineStart = -1;
        }

        private (long X, long Y) Grid(SKPoint p) =>
            ((long)Math.Round(p.X * unitsPerPixel, MidpointRounding.AwayFromZero), (long)Math.Round(p.Y * unitsPerPixel, MidpointRounding.AwayFromZero));

        // Writes the command letter unless it repeats the previous one; true when written.
        private bool Emit(char command)
        {
            if (command == _last)
            {
                return false;
            }

            _builder.Append(command);
            _last = command;
            return true;
        }

        // Numbers after the first of a command need a separator unless the next one starts with '-'.
        private void Value(long value, bool first)
        {
            if (!first && value >= 0)
            {
                _builder.Append(' ');
            }

            _builder.Append(value);
        }
    }
}
