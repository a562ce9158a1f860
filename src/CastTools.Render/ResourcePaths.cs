namespace CastTools.Render;

/// <summary>
/// Where the bundled <c>fonts/</c> and <c>themes/</c> folders are: copied next to the assembly by the build (and so
/// inside a packed .NET tool), or, when running from a source tree without that copy, found by walking up to the
/// repository root.
/// </summary>
public static class ResourcePaths
{
    private static readonly Lazy<string> Fonts = new(() => Find("fonts", "JetBrainsMono-Regular.ttf"));
    private static readonly Lazy<string> Themes = new(() => Find("themes", "asciinema.json"));

    public static string FontsDirectory => Fonts.Value;

    public static string ThemesDirectory => Themes.Value;

    private static string Find(string folder, string marker)
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, folder);
            if (File.Exists(Path.Combine(candidate, marker)))
            {
                return candidate;
            }

            dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
        }

        // Not found: report the expected place; loading will fail with a clear message naming it.
        return Path.Combine(AppContext.BaseDirectory, folder);
    }
}
