using System.Runtime.InteropServices;
using System.Text;

namespace CastTools.Cli;

/// <summary>
/// Standard output or standard error as a <see cref="TextWriter"/>: UTF-8, opened on the first write, each write
/// handed to write(2) at once, thread-safe; a reader that went away (EPIPE) or a closed descriptor drops the text, as
/// <see cref="Console.Out"/> does. Why not <see cref="Console.Out"/>: on Unix its first use initialises the terminal
/// (terminfo database, signal handling, keypad mode), 10 to 20 ms of CPU, more than rendering a small recording, and
/// most commands print nothing. Not a <see cref="FileStream"/> on the descriptor either: on a regular file it writes
/// at its own offset with pwrite(2) and would overwrite what the shell appends to the same file. Windows uses
/// <see cref="Console"/>'s writers.
/// </summary>
internal sealed partial class StandardStreamWriter : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly int _descriptor;
    private readonly Lock _lock = new();
    private TextWriter? _writer;

    /// <param name="descriptor">1 for standard output, 2 for standard error.</param>
    public StandardStreamWriter(int descriptor)
    {
        _descriptor = descriptor;
    }

    public override Encoding Encoding => Utf8;

    public override void Write(char value)
    {
        lock (_lock)
        {
            Writer.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            Writer.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            Writer.Write(buffer, index, count);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_lock)
        {
            Writer.Write(buffer);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_lock)
        {
            Writer.WriteLine(value);
        }
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        lock (_lock)
        {
            Writer.WriteLine(buffer);
        }
    }

    public override void Flush()
    {
        lock (_lock)
        {
            _writer?.Flush();
        }
    }

    private TextWriter Writer => _writer ??= OperatingSystem.IsWindows()
        ? (_descriptor == 1 ? Console.Out : Console.Error)
        : new StreamWriter(new DescriptorStream(_descriptor), Utf8, bufferSize: 256) { AutoFlush = true };

    /// <summary>Write-only, unbuffered: every write goes to write(2), retried when interrupted or partial.</summary>
    private sealed unsafe partial class DescriptorStream(int descriptor) : Stream
    {
        private const int EIntr = 4;
        private const int EAgainLinux = 11;
        private const int EAgainBsd = 35;

        private bool _broken;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            fixed (byte* start = buffer)
            {
                byte* next = start;
                nint left = buffer.Length;
                while (left > 0 && !_broken)
                {
                    nint written = write(descriptor, next, (nuint)left);
                    if (written >= 0)
                    {
                        next += written;
                        left -= written;
                        continue;
                    }

                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == EAgainLinux || errno == EAgainBsd)
                    {
                        // A descriptor someone made non-blocking: wait for the reader instead of losing text.
                        Thread.Sleep(1);
                    }
                    else if (errno != EIntr)
                    {
                        // EPIPE, EBADF, ENOSPC, ...: nothing more can be shown there.
                        _broken = true;
                    }
                }
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        [LibraryImport("libc", SetLastError = true)]
        private static partial nint write(int fd, byte* buffer, nuint count);
    }
}
