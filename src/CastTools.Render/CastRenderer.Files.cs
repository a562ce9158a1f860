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
