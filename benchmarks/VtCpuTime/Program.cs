using System.Diagnostics;
using System.Globalization;
using CastTools.Benchmarks.Vt;
using CastTools.Vt;

namespace CastTools.VtCpuTime;

/// <summary>
/// Feeds each benchmark workload into a 120x40 <see cref="Terminal"/> and reports MB/s of input per second of this
/// process's CPU time (the work is single-threaded), so the figure does not depend on how busy the machine is.
/// Warm-up runs first until tiered compilation has settled; allocations are counted on the feeding thread.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        Console.WriteLine("workload        feed           MB/s (CPU)   ns/byte   bytes allocated per MB");
        foreach (VtWorkload workload in Enum.GetValues<VtWorkload>())
        {
            if (args.Length > 0 && !args.Contains(workload.ToString(), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            byte[] input = VtInput.Get(workload);
            Report(workload, "whole", input, 0);
            Report(workload, "4 KiB chunks", input, 4096);
        }
    }

    private static void Report(VtWorkload workload, string feed, byte[] input, int chunk)
    {
        var terminal = new Terminal(VtInput.Columns, VtInput.Rows);
        var warmUp = Stopwatch.StartNew();
        for (int i = 0; i < 50 || warmUp.ElapsedMilliseconds < 1500; i++)
        {
            Feed(terminal, input, chunk);
        }

        const int Repetitions = 40;
        using Process process = Process.GetCurrentProcess();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        TimeSpan cpu = process.TotalProcessorTime;
        for (int i = 0; i < Repetitions; i++)
        {
            Feed(terminal, input, chunk);
        }

        process.Refresh();
        double seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        double bytes = (double)input.Length * Repetitions;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workload,-15} {feed,-14} {bytes / 1e6 / seconds,10:F1} {seconds * 1e9 / bytes,9:F2} {allocated / (bytes / 1e6),12:F0}"));
    }

    private static void Feed(Terminal terminal, byte[] input, int chunk)
    {
        if (chunk == 0)
        {
            terminal.Feed(input);
            return;
        }

        for (int offset = 0; offset < input.Length; offset += chunk)
        {
            terminal.Feed(input.AsSpan(offset, Math.Min(chunk, input.Length - offset)));
        }
    }
}
