using System.IO.Pipes;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace CastTools.Cli.Tests;

public class StandardStreamWriterTests
{
    [Fact]
    public void Text_written_to_a_pipe_descriptor_arrives_as_utf8_in_order()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var server = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        using var client = new AnonymousPipeClientStream(PipeDirection.Out, server.ClientSafePipeHandle);
        var writer = new StandardStreamWriter((int)server.ClientSafePipeHandle.DangerousGetHandle());
        writer.Write("Grüße ");
        writer.Write('→');
        writer.WriteLine(" 日本語 🎉");
        writer.Write("end".AsSpan());
        client.Dispose();
        server.DisposeLocalCopyOfClientHandle();

        using var reader = new StreamReader(server, Encoding.UTF8);
        Assert.Equal($"Grüße → 日本語 🎉{Environment.NewLine}end", reader.ReadToEnd());
    }

    [Fact]
    public void Writes_to_a_file_descriptor_move_its_shared_offset_so_nothing_is_overwritten()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // A shell's `>file` gives every writer one open file description; a FileStream on the descriptor would
        // pwrite at offset 0 and the second writer would overwrite the first.
        string path = Path.Combine(Path.GetTempPath(), $"casttools-writer-{Guid.NewGuid():N}.txt");
        try
        {
            using (SafeFileHandle handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
            {
                int descriptor = (int)handle.DangerousGetHandle();
                new StandardStreamWriter(descriptor).WriteLine("first");
                new StandardStreamWriter(descriptor).WriteLine("second");
            }

            Assert.Equal($"first{Environment.NewLine}second{Environment.NewLine}", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Writing_after_the_reader_has_gone_drops_the_text_instead_of_throwing()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var server = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        using var client = new AnonymousPipeClientStream(PipeDirection.Out, server.ClientSafePipeHandle);
        var writer = new StandardStreamWriter((int)server.ClientSafePipeHandle.DangerousGetHandle());
        server.Dispose();

        // EPIPE marks the stream broken: no exception, and the megabyte does not block waiting for a reader.
        Exception? error = Record.Exception(() =>
        {
            writer.WriteLine("nobody reads this");
            writer.WriteLine(new string('x', 1 << 20));
            writer.Flush();
        });
        Assert.Null(error);
    }
}
