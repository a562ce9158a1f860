namespace CastTools.Vt;

/// <summary>One row of cells. <see cref="Shared"/> means a snapshot holds <see cref="Cells"/>: copy before writing.</summary>
internal sealed class Line
{
    public Line(Cell[] cells)
    {
        Cells = cells;
    }

    public Cell[] Cells;

    /// <summary>The row was soft-wrapped into the next one by autowrap.</summary>
    public bool Wrapped;

    public bool Shared;

    public static Line CreateBlank(int columns, Cell blank)
    {
        var cells = new Cell[columns];
        cells.AsSpan().Fill(blank);
        return new Line(cells);
    }

    /// <summary>The cells, ready to be written in place (copied first if a snapshot shares them).</summary>
    public Span<Cell> Write()
    {
        if (Shared)
        {
            Cells = (Cell[])Cells.Clone();
            Shared = false;
        }

        return Cells;
    }

    /// <summary>Turns the line into a blank one of <paramref name="columns"/> cells, reusing the array when it may.</summary>
    public void Reset(int columns, Cell blank)
    {
        if (Shared || Cells.Length != columns)
        {
            Cells = new Cell[columns];
            Shared = false;
        }

        Cells.AsSpan().Fill(blank);
        Wrapped = false;
    }
}
