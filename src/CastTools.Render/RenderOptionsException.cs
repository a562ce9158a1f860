namespace CastTools.Render;

/// <summary>
/// The options ask for something this recording cannot give: a moment outside it, an unknown output format, an
/// impossible size or timing value. Distinct from other <see cref="RenderException"/>s (themes, fonts) so the CLI
/// can report it as a usage error.
/// </summary>
public sealed class RenderOptionsException : RenderException
{
    public RenderOptionsException(string message)
        : base(message)
    {
    }
}
