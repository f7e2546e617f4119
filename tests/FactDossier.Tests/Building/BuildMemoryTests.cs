using FactDossier.Building;

namespace FactDossier.Tests.Building;

/// <summary>The work a build leaves for later (the build server's record, the preview's deletions) runs in order, and a
/// failure in it reaches whoever waits for it, even when later work followed.</summary>
public sealed class BuildMemoryTests
{
    [Fact]
    public void AFailureEarlierInTheWorkLeftForLaterIsReportedOnceTheLaterWorkRan()
    {
        var memory = new BuildMemory();
        var ran = new List<string>();
        memory.AfterBuild(() => throw new IOException("the record could not be written"));
        memory.AfterBuild(() => ran.Add("deleted the replaced files"));

        var thrown = Assert.Throws<IOException>(memory.FinishBackgroundWork);

        Assert.Equal("the record could not be written", thrown.Message);
        Assert.Equal(["deleted the replaced files"], ran);
    }

    [Fact]
    public void AFailureIsReportedOnceAndTheNextBuildsWorkRunsAsUsual()
    {
        var memory = new BuildMemory();
        memory.AfterBuild(() => throw new IOException("disk full"));
        Assert.Throws<IOException>(memory.FinishBackgroundWork);

        var ran = false;
        memory.AfterBuild(() => ran = true);
        memory.FinishBackgroundWork();

        Assert.True(ran);
    }

    [Fact]
    public void WorkLeftForLaterRunsInTheOrderItWasLeft()
    {
        var memory = new BuildMemory();
        var ran = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var piece = i;
            memory.AfterBuild(() =>
            {
                Thread.Sleep(piece % 3);
                ran.Add(piece);
            });
        }

        memory.FinishBackgroundWork();

        Assert.Equal(Enumerable.Range(0, 20), ran);
    }
}
