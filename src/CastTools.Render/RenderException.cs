namespace CastTools.Render;

/// <summary>
/// A rendering resource or setting is unusable: an unknown or malformed theme, a missing or unreadable font, an
/// impossible size. The message is one line meant for the user (the CLI prints it after <c>casttools: </c>).
/// </summary>
public class RenderException : Exception
{
    public RenderException(string message)
        : base(message)
    {
    }

    public RenderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
