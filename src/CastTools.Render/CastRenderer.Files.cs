namespace CastTools.Render;

public static partial class CastRenderer
{
    private static void CheckOutputDirectory(string outputPath)
    {
        string full = Path.GetFullPath(outputPath);
        string? directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"cannot write {outputPath}: directory {Path.GetDirectoryName(outputPath)} does not exist");
        }

        if (Directory.Exists(full))
        {
            throw new IOException($"cannot write {outputPath}: it is a directory");
        }
    }

    /// <summary>
    /// Writes into a temporary file beside the target (same file system, so the final move is atomic) and moves it
    /// into place only when <paramref name="write"/> succeeded; on any failure the temporary file is deleted and an
    /// existing target is left untouched. The temporary name keeps the extension for tools that look at it.
    /// </summary>
    private static T WriteAtomically<T>(string outputPath, string format, Func<Stream, string, T> write)
    {
        string full = Path.GetFullPath(outputPath);
        string directory = Path.GetDirectoryName(full)!;
        string name = Path.GetFileNameWithoutExtension(full);
        string temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp.{format}");
        try
        {
            T result;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                result = write(stream, temp);
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
            catch (IOException)
            {
                // Best effort: the original error matters more than a leftover temporary file.
            }
            catch (UnauthorizedAccessException)
            {
            }

            throw;
        }
    }

    /// <summary>A seekable copy of a one-way input (standard input, a pipe) in a temporary file deleted on close.</summary>
    private static FileStream Spool(Stream input)
    {
        string path = Path.Combine(Path.GetTempPath(), $"casttools-{Guid.NewGuid():N}.cast");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            input.CopyTo(spool);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }
}
