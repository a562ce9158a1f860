namespace CastTools.Recording.Tests;

/// <summary>
/// Tests that count what the whole test process holds (open file descriptors, child processes) run alone, after
/// the parallel ones: sessions started by tests running alongside would change the count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "Process-wide counts";
}
