namespace CastTools.Asciicast;

/// <summary>
/// Writes an output file so that a failure never leaves a half-written file and never clobbers an existing one:
/// the content goes to a temporary file beside the target (same file system, so the final move is atomic), which is
/// moved into place only when writing succeeded and deleted otherwise. Every casttools output goes through here.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Runs <paramref name="write"/> against the temporary file (readable and seekable: encoders may patch headers) and
    /// moves it to <paramref name="path"/>. The temporary name keeps the target's extension for tools that look at it;
    /// <see cref="FileStream.Name"/> gives it to writers that need a path.
    /// </summary>
    public static T Write<T>(string path, Func<FileStream, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        string temp = Path.Combine(
            directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            T result;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                result = write(stream);
            }

            File.Move(temp, full, overwrite: true);
            return result;
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the original failure is what the user needs to see.
            }

            throw;
        }
    }
}
