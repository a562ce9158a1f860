using System.Text;

namespace CastTools.Vt.Tests;

/// <summary>The syntax layer alone: what the parser hands to its handler, written as one line per call.</summary>
public class VtParserTests
{
    private sealed class Recorder : IVtHandler
    {
        public StringBuilder Log { get; } = new();

        public void PrintAscii(ReadOnlySpan<byte> text) => Log.Append("print(").Append(Encoding.ASCII.GetString(text)).Append(")\n");

        public void Print(int codePoint) => Log.Append($"print(U+{codePoint:X4})\n");

        public void Execute(int control) => Log.Append($"exec({control:X2})\n");

        public void EscDispatch(int intermediates, byte final) => Log.Append($"esc({Intermediates(intermediates)}{(char)final})\n");

        public void CsiDispatch(in CsiParams parameters, byte prefix, int intermediates, byte final) =>
            Log.Append($"csi({(prefix == 0 ? "" : ((char)prefix).ToString())}{Params(parameters)}{Intermediates(intermediates)}{(char)final})\n");

        public void OscDispatch(ReadOnlySpan<byte> data, bool bellTerminated) =>
            Log.Append($"osc({Encoding.UTF8.GetString(data)}{(bellTerminated ? ",bel" : ",st")})\n");

        public void DcsDispatch(in CsiParams parameters, byte prefix, int intermediates, byte final, ReadOnlySpan<byte> data) =>
            Log.Append($"dcs({Params(parameters)}{Intermediates(intermediates)}{(char)final}:{Encoding.ASCII.GetString(data)})\n");

        private static string Params(in CsiParams p)
        {
            var text = new StringBuilder();
            for (int i = 0; i < p.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(p.IsSubParameter(i) ? ':' : ';');
                }

                text.Append(p[i]);
            }

            return text.ToString();
        }

        private static string Intermediates(int packed)
        {
            var text = new StringBuilder();
            while (packed != 0)
            {
                text.Append((char)(packed & 0xFF));
                packed >>= 8;
            }

            return text.ToString();
        }
    }

    private static string Parse(params string[] chunks)
    {
        var recorder = new Recorder();
        var parser = new VtParser(recorder);
        foreach (string chunk in chunks)
        {
            parser.Feed(Encoding.UTF8.GetBytes(chunk));
        }

        return recorder.Log.ToString();
    }

    [Fact]
    public void Printable_ascii_is_one_bulk_call() => Assert.Equal("print(hello world)\n", Parse("hello world"));

    [Fact]
    public void Csi_with_parameters_sub_parameters_and_private_marker_empty_ones_read_as_zero() =>
        Assert.Equal("csi(1;38:2:0:1:2:3m)\ncsi(?1049h)\ncsi(0;5H)\n", Parse("\u001b[1;38:2::1:2:3m\u001b[?1049h\u001b[;5H"));

    [Fact]
    public void Csi_intermediates_are_kept() => Assert.Equal("csi(2 q)\ncsi(!p)\n", Parse("\u001b[2 q\u001b[!p"));

    [Fact]
    public void Escape_sequences_with_intermediates() => Assert.Equal("esc(#8)\nesc((0)\nesc(7)\n", Parse("\u001b#8\u001b(0\u001b7"));

    [Fact]
    public void Osc_ends_with_bel_or_st() =>
        Assert.Equal("osc(0;title,bel)\nosc(8;;http://x,st)\nesc(\\)\n", Parse("\u001b]0;title\u0007\u001b]8;;http://x\u001b\\"));

    [Fact]
    public void Osc_keeps_utf8_text() => Assert.Equal("osc(2;日本,bel)\n", Parse("\u001b]2;日本\u0007"));

    [Fact]
    public void A_sequence_split_anywhere_gives_the_same_calls() =>
        Assert.Equal(Parse("a\u001b[12;34Hb\u001b]2;x\u0007"), Parse("a\u001b", "[1", "2;", "34", "Hb\u001b]", "2;x", "\u0007"));

    [Fact]
    public void Controls_inside_a_csi_are_executed_in_place() => Assert.Equal("exec(0D)\ncsi(5C)\n", Parse("\u001b[5\rC"));

    [Fact]
    public void Can_and_sub_abort_a_sequence() => Assert.Equal("exec(18)\nprint(x)\nexec(1A)\n", Parse("\u001b[5\u0018x\u001b]0;t\u001a"));

    [Fact]
    public void C1_code_points_are_controls() =>
        Assert.Equal("exec(85)\ncsi(2J)\nosc(0;t,st)\n", Parse("\u0085\u009b2J\u009d0;t\u009c"));

    [Fact]
    public void Dcs_is_collected_and_sos_pm_apc_are_dropped() =>
        Assert.Equal("dcs(+q:544e)\nesc(\\)\nesc(\\)\nprint(z)\n", Parse("\u001bP+q544e\u001b\\\u001b_ignored\u001b\\z"));

    [Fact]
    public void Private_marker_after_parameters_makes_the_sequence_ignored() => Assert.Equal("print(x)\n", Parse("\u001b[1?mx"));

    [Fact]
    public void Parameters_saturate() => Assert.Equal($"csi({VtParser.MaxParamValue}A)\n", Parse("\u001b[123456789012A"));

    [Fact]
    public void Del_is_ignored() => Assert.Equal("print(a)\nprint(b)\n", Parse("a\u007fb"));
}
