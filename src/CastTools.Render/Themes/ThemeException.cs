namespace CastTools.Render;

/// <summary>A theme is unknown or its definition is malformed; the message names the file and line when there is one.</summary>
public sealed class ThemeException : RenderException
{
    public ThemeException(string message)
        : base(message)
    {
    }

    public ThemeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
