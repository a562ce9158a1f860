using System.Text;

namespace CastTools.Vt.Tests;

/// <summary>
/// The hot path allocates nothing per byte once warm: feeding a megabyte of typical output allocates (almost) no
/// managed memory. Counts bytes, not time, so it is deterministic.
/// </summary>
public class AllocationTests
{
    public static TheoryData<string> Workloads() => ["ascii", "sgr", "cjk-emoji", "cursor"];

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Feeding_typical_output_allocates_nothing_in_steady_state(string workload)
    {
        byte[] data = Make(workload);
        var terminal = new Terminal(80, 24);
        terminal.Feed(data); // warm up: rows, join cache, JIT

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int offset = 0; offset < data.Length; offset += 4096)
        {
            terminal.Feed(data.AsSpan(offset, Math.Min(4096, data.Length - offset)));
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1024, $"{workload}: {allocated} bytes allocated for {data.Length} bytes of input");
    }

    private static byte[] Make(string workload)
    {
        var random = new Random(7);
        var text = new StringBuilder();
        while (text.Length < 1_000_000)
        {
            switch (workload)
            {
                case "ascii":
                    text.Append("The quick brown fox jumps over the lazy dog 0123456789 !@#$%^&*()\r\n");
                    break;
                case "sgr":
                    text.Append($"\u001b[{random.Next(30, 38)};1mword\u001b[38;5;{random.Next(256)}m x\u001b[48:2::1:2:3m y\u001b[0m ");
                    break;
                case "cjk-emoji":
                    text.Append("中文テスト한국어 é\u0301 😀👍🏽 🇺🇸 ☺\uFE0F\r\n");
                    break;
                default:
                    text.Append($"\u001b[{random.Next(1, 25)};{random.Next(1, 70)}Hxyz\u001b[K\u001b[2@\u001b[P\u001bM\u001b[L\u001b[M");
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
