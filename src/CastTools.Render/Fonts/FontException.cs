namespace CastTools.Render;

/// <summary>A font file is missing, unreadable or has no glyphs, or a font family was not found.</summary>
public sealed class FontException : RenderException
{
    public FontException(string message)
        : base(message)
    {
    }

    public FontException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
