using BenchmarkDotNet.Running;

namespace CastTools.Benchmarks;

/// <summary>
/// Runs any benchmark class in this assembly: <c>dotnet run -c Release -- --filter '*CastReader*'</c>
/// (add <c>--job short</c> for a quick run). Add new benchmark classes in their own files; nothing to register here.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
