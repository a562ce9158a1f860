// Spawn latency of CastTools.Recording's PTY session, warm (after JIT):
//   dotnet run -c Release tools/rec-spawn-latency.cs [iterations]
// "spawn" = PtySession.Start (posix_openpt .. posix_spawnp returns);
// "session" = Start until the session has ended for `true` (EIO + reap), the whole cost of one short capture.
#:project ../src/CastTools.Recording/CastTools.Recording.csproj
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using CastTools.Asciicast;
using CastTools.Recording;

int iterations = args.Length > 0 ? int.Parse(args[0]) : 300;
var info = new PtyStartInfo
{
    Arguments = ["/bin/true"],
    Environment = PtyEnvironment.Create(PtyEnvironment.HeadlessTerm, "bench"),
    Size = new TerminalSize(80, 24),
};

var spawn = new List<double>();
var session = new List<double>();
for (int i = 0; i < iterations + 20; i++)
{
    long start = Stopwatch.GetTimestamp();
    using PtySession pty = PtySession.Start(info, static (_, _) => { });
    long started = Stopwatch.GetTimestamp();
    pty.WaitForExit(TimeSpan.FromSeconds(10));
    long ended = Stopwatch.GetTimestamp();
    if (i >= 20)
    {
        spawn.Add(Stopwatch.GetElapsedTime(start, started).TotalMilliseconds);
        session.Add(Stopwatch.GetElapsedTime(start, ended).TotalMilliseconds);
    }
}

Print("spawn (openpt..posix_spawnp)", spawn);
Print("session for /bin/true (spawn..EIO+reap)", session);

static void Print(string what, List<double> values)
{
    values.Sort();
    double P(double q) => values[(int)Math.Min(values.Count - 1, Math.Round(q * (values.Count - 1)))];
    Console.WriteLine($"{what}: n={values.Count} median={P(0.5):F3} ms p90={P(0.9):F3} ms min={values[0]:F3} ms");
}
