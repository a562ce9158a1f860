using SkiaSharp;

namespace CastTools.Render;

public sealed partial class FontSet
{
    private static readonly string[] FontExtensions = [".ttf", ".otf", ".ttc", ".otc", ".woff"];

    private void LoadBundledFonts()
    {
        // Only JetBrains Mono's regular file is opened now (it gives the cell metrics); its other styles and the
        // fallback fonts open when a glyph first needs them. A missing file is still reported up front.
        string dir = ResourcePaths.FontsDirectory;
        FontFace jetBrains = LoadFace(Path.Combine(dir, "JetBrainsMono-Regular.ttf"), 0, "JetBrains Mono");
        _faces.Add(jetBrains);
        AddDeferredStyle(jetBrains, 1, Path.Combine(dir, "JetBrainsMono-Bold.ttf"));
        AddDeferredStyle(jetBrains, 2, Path.Combine(dir, "JetBrainsMono-Italic.ttf"));
        AddDeferredStyle(jetBrains, 3, Path.Combine(dir, "JetBrainsMono-BoldItalic.ttf"));
        foreach (string file in BundledFiles)
        {
            string path = Path.Combine(dir, file);
            RequireFile(path);
            _faces.Add(FontFace.Deferred(null, path, 0));
        }
    }

    private static void AddDeferredStyle(FontFace face, int slot, string path)
    {
        RequireFile(path);
        face.SetStyle(slot, path, 0, typeface: null);
    }

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FontException($"{path}: no such font file");
        }
    }

    private void LoadUserFonts(RenderStyle style)
    {
        foreach (string file in style.FontFiles)
        {
            _faces.Add(LoadFace(file, 0, null));
        }

        if (style.FontFamilies.Count == 0)
        {
            // --font-dir alone: every family in those folders goes first, in name order.
            foreach (string dir in style.FontDirectories)
            {
                if (!Directory.Exists(dir))
                {
                    throw new FontException($"{dir}: no such font directory");
                }
            }

            var all = ScanDirectories(style.FontDirectories);
            var names = new List<string>(all.Keys);
            names.Sort(StringComparer.OrdinalIgnoreCase);
            foreach (string name in names)
            {
                _faces.Add(BuildFamily(name, all[name]));
            }

            return;
        }

        var searched = new List<string>(style.FontDirectories);
        foreach (string dir in style.FontDirectories)
        {
            if (!Directory.Exists(dir))
            {
                throw new FontException($"{dir}: no such font directory");
            }
        }

        searched.AddRange(SystemFontDirectories());

        // The bundled fonts answer to their family names too ("JetBrains Mono", "DejaVu Sans Mono", ...).
        searched.Add(ResourcePaths.FontsDirectory);
        Dictionary<string, List<FaceInfo>>? found = null;
        foreach (string family in style.FontFamilies)
        {
            found ??= ScanDirectories(searched);
            if (!found.TryGetValue(family, out List<FaceInfo>? members))
            {
                string where = searched.Count == 0 ? "no font directories" : string.Join(", ", searched.Where(Directory.Exists));
                throw new FontException($"font family '{family}' not found in {(where.Length == 0 ? "any font directory" : where)} (add --font-dir)");
            }

            _faces.Add(BuildFamily(family, members));
        }
    }

    private static IEnumerable<string> SystemFontDirectories()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] candidates =
        [
            Path.Combine(home, ".local", "share", "fonts"),
            Path.Combine(home, ".fonts"),
            "/usr/local/share/fonts",
            "/usr/share/fonts",
            "/Library/Fonts",
            "/System/Library/Fonts",
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
        ];
        foreach (string dir in candidates)
        {
            if (dir.Length > 0 && Directory.Exists(dir))
            {
                yield return dir;
            }
        }
    }

    private static Dictionary<string, List<FaceInfo>> ScanDirectories(IEnumerable<string> dirs)
    {
        var families = new Dictionary<string, List<FaceInfo>>(StringComparer.OrdinalIgnoreCase);
        foreach (string dir in dirs)
        {
            if (!Directory.Exists(dir))
            {
                continue;
            }

            string[] files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (!Array.Exists(FontExtensions, e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                for (int index = 0; index < 64; index++)
                {
                    using SKTypeface? typeface = SKTypeface.FromFile(file, index);
                    if (typeface is null || typeface.GlyphCount == 0)
                    {
                        break;
                    }

                    if (!families.TryGetValue(typeface.FamilyName, out List<FaceInfo>? list))
                    {
                        families[typeface.FamilyName] = list = [];
                    }

                    list.Add(new FaceInfo(file, index, typeface.FontStyle.Weight, typeface.FontStyle.Slant != SKFontStyleSlant.Upright));
                }
            }
        }

        return families;
    }

    private static FontFace BuildFamily(string family, List<FaceInfo> members)
    {
        // Closest weight to 400 (regular) and 700 (bold), upright and italic.
        FaceInfo? Pick(int weight, bool italic)
        {
            FaceInfo? best = null;
            foreach (FaceInfo info in members)
            {
                if (info.Italic == italic && (best is null || Math.Abs(info.Weight - weight) < Math.Abs(best.Value.Weight - weight)))
                {
                    best = info;
                }
            }

            return best;
        }

        FaceInfo regular = Pick(400, false) ?? Pick(400, true) ?? members[0];
        FontFace face = LoadFace(regular.Path, regular.Index, family);
        if (Pick(700, false) is { Weight: >= 600 } bold)
        {
            AddStyle(face, 1, bold.Path, bold.Index);
        }

        if (Pick(400, true) is { Weight: < 600 } italic && italic != regular)
        {
            AddStyle(face, 2, italic.Path, italic.Index);
        }

        if (Pick(700, true) is { Weight: >= 600 } boldItalic)
        {
            AddStyle(face, 3, boldItalic.Path, boldItalic.Index);
        }

        return face;
    }

    private static FontFace LoadFace(string path, int index, string? name)
    {
        SKTypeface typeface = OpenTypeface(path, index);
        return new FontFace(name ?? typeface.FamilyName, path, index, typeface);
    }

    private static void AddStyle(FontFace face, int slot, string path, int index = 0)
    {
        face.SetStyle(slot, path, index, OpenTypeface(path, index));
    }

    internal static SKTypeface OpenTypeface(string path, int index)
    {
        RequireFile(path);

        try
        {
            using (File.OpenRead(path))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FontException($"{path}: cannot read font file: {e.Message}", e);
        }

        SKTypeface? typeface = SKTypeface.FromFile(path, index);
        if (typeface is null)
        {
            string hint = path.EndsWith(".woff2", StringComparison.OrdinalIgnoreCase) ? " (WOFF2 is not supported: convert it with woff2_decompress)" : string.Empty;
            throw new FontException($"{path}: not a font file (TTF, OTF, TTC or WOFF expected){hint}");
        }

        if (typeface.GlyphCount == 0)
        {
            typeface.Dispose();
            throw new FontException($"{path}: the font has no glyphs");
        }

        return typeface;
    }

    private readonly record struct FaceInfo(string Path, int Index, int Weight, bool Italic);
}
