namespace CastTools.Render.Video;

/// <summary>Finds the ffmpeg executable the way a shell would: an explicit path, else the first match on PATH.</summary>
public static class FfmpegLocator
{
    public const string InstallHint =
        "ffmpeg is needed for MP4/WebM output but was not found on PATH; install it (Debian/Ubuntu: apt-get install ffmpeg, Fedora: dnf install ffmpeg, macOS: brew install ffmpeg) or use -o demo.gif/.svg";

    /// <summary>The full path of ffmpeg, or throws <see cref="FfmpegException"/> naming how to install it.</summary>
    /// <param name="explicitPath">A user-given path, used as is when it exists.</param>
    /// <param name="pathVariable">The PATH to search; null reads the process environment.</param>
    public static string Locate(string? explicitPath = null, string? pathVariable = null)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? Path.GetFullPath(explicitPath)
                : throw new FfmpegException($"ffmpeg not found at {explicitPath}", isMissing: true);
        }

        return Find("ffmpeg", pathVariable) ?? throw new FfmpegException(InstallHint, isMissing: true);
    }

    /// <summary>The first executable file called <paramref name="name"/> in the PATH directories, or null.</summary>
    public static string? Find(string name, string? pathVariable = null)
    {
        pathVariable ??= Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string directory in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string candidate in Candidates(directory, name))
            {
                if (File.Exists(candidate) && IsExecutable(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string directory, string name)
    {
        yield return Path.Combine(directory, name);
        if (OperatingSystem.IsWindows())
        {
            yield return Path.Combine(directory, name + ".exe");
        }
    }

    private static bool IsExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        UnixFileMode mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
