using System.Diagnostics;
using System.Text;
using CastTools.Vt;

// Feeds four synthetic workloads (about 8 MB each) into an 80x24 terminal, whole and in 4 KiB chunks, and prints
// MB/s of process CPU time (best of 5) and the bytes allocated during the last run.
var random = new Random(1);
var text = new StringBuilder();
while (text.Length < 8_000_000)
{
    for (int i = 0; i < 70; i++)
    {
        text.Append((char)random.Next(0x21, 0x7F));
    }

    text.Append("\r\n");
}

byte[] ascii = Encoding.UTF8.GetBytes(text.ToString());
text.Clear();
while (text.Length < 8_000_000)
{
    text.Append($"\u001b[{random.Next(30, 38)};{random.Next(40, 48)};1mword\u001b[38;5;{random.Next(256)}m xx\u001b[0m ");
    if (random.Next(8) == 0)
    {
        text.Append("\r\n");
    }
}

byte[] sgr = Encoding.UTF8.GetBytes(text.ToString());
text.Clear();
while (text.Length < 4_000_000)
{
    text.Append("中文字符テスト한국어 😀👍🏽 ");
    if (random.Next(4) == 0)
    {
        text.Append("\r\n");
    }
}

byte[] cjk = Encoding.UTF8.GetBytes(text.ToString());
text.Clear();
while (text.Length < 8_000_000)
{
    text.Append($"\u001b[{random.Next(1, 25)};{random.Next(1, 70)}Hxyz\u001b[K");
}

byte[] cursor = Encoding.UTF8.GetBytes(text.ToString());

foreach ((string name, byte[] data) in new[] { ("ascii", ascii), ("sgr", sgr), ("cjk+emoji", cjk), ("cursor", cursor) })
{
    foreach (int chunk in new[] { int.MaxValue, 4096 })
    {
        var terminal = new Terminal(80, 24);
        Feed(terminal, data, chunk);
        double best = 0;
        long allocated = 0;
        using Process process = Process.GetCurrentProcess();
        for (int run = 0; run < 5; run++)
        {
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            long before = GC.GetAllocatedBytesForCurrentThread();
            Feed(terminal, data, chunk);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            process.Refresh();
            double seconds = (process.TotalProcessorTime - cpu0).TotalSeconds;
            best = Math.Max(best, data.Length / Math.Max(seconds, 1e-6) / 1e6);
        }

        string chunking = chunk == int.MaxValue ? "whole" : "4 KiB";
        Console.WriteLine($"{name,-10} {chunking,-6} {best,8:F1} MB/s   {allocated} B allocated for {data.Length} B");
    }
}

static void Feed(Terminal terminal, byte[] data, int chunk)
{
    for (int offset = 0; offset < data.Length; offset += chunk)
    {
        terminal.Feed(data.AsSpan(offset, Math.Min(chunk, data.Length - offset)));
    }
}
