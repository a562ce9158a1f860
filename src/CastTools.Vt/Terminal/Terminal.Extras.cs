namespace CastTools.Vt;

public sealed partial class Terminal
{
    private const int MinimumCompactionThreshold = 4096;

    private int _extrasCompactAt = MinimumCompactionThreshold;

    /// <summary>Entries in the extra-data table (for tests of its bound).</summary>
    internal int ExtraCount => _extras.Count;

    /// <summary>
    /// Interns cell extra data. The table only grows, so a long session full of distinct hyperlinks or clusters would
    /// grow without bound; past a threshold the table is rebuilt from the ids still in use (screens, scrollback,
    /// pens), which keeps memory bounded by what is on screen rather than by the length of the recording.
    /// </summary>
    private int InternExtra(string? grapheme, Color underlineColor, string? hyperlink)
    {
        if (_extras.Count >= _extrasCompactAt)
        {
            CompactExtras();
        }

        return _extras.Intern(grapheme, underlineColor, hyperlink);
    }

    private void CompactExtras()
    {
        var remap = new Dictionary<int, int>();
        var fresh = new ExtraTable();

        int Map(int id)
        {
            if (id == 0)
            {
                return 0;
            }

            if (!remap.TryGetValue(id, out int mapped))
            {
                CellExtra? extra = _extras.Get(id);
                mapped = extra is null ? 0 : fresh.Intern(extra.Grapheme, extra.UnderlineColor, extra.Hyperlink);
                remap[id] = mapped;
            }

            return mapped;
        }

        void MapLine(Line line)
        {
            ReadOnlySpan<Cell> cells = line.Cells;
            bool any = false;
            foreach (ref readonly Cell cell in cells)
            {
                if (cell.ExtraId != 0)
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return;
            }

            // Shared arrays belong to snapshots (which keep the old table): copy before rewriting ids.
            foreach (ref Cell cell in line.Write())
            {
                cell.ExtraId = Map(cell.ExtraId);
            }
        }

        foreach (ScreenBuffer screen in new[] { _primary, _alternate })
        {
            for (int row = 0; row < screen.Rows; row++)
            {
                MapLine(screen[row]);
            }

            for (int i = 0; i < screen.ScrollbackCount; i++)
            {
                MapLine(screen.GetScrollback(i));
            }
        }

        _pen.ExtraId = Map(_pen.ExtraId);
        _savedPrimary.Pen.ExtraId = Map(_savedPrimary.Pen.ExtraId);
        _savedAlternate.Pen.ExtraId = Map(_savedAlternate.Pen.ExtraId);
        _extras.ReplaceWith(fresh);
        _joinCache.Clear();
        UpdateTemplate();
        _extrasCompactAt = Math.Max(MinimumCompactionThreshold, _extras.Count * 2);
    }
}
