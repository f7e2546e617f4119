using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// The GitHub workflows cannot run here; what can be checked is that they are valid YAML of the right shape, use the
/// official actions, and that the commands they run work on this repository.
/// </summary>
public sealed class WorkflowTests
{
    private static YamlMapping Workflow(string name)
    {
        var diagnostics = new DiagnosticBag();
        var path = Path.Combine(RepositoryPaths.Root, ".github", "workflows", name);
        var root = YamlTreeReader.Read(File.ReadAllText(path), name, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return Assert.IsType<YamlMapping>(root);
    }

    private static YamlValue Get(YamlValue node, string key) =>
        Assert.IsType<YamlMapping>(node).Entries.Single(e => e.Key.Text == key).Value;

    private static List<YamlMapping> Steps(YamlMapping workflow, string job) =>
        [.. Assert.IsType<YamlSequence>(Get(Get(Get(workflow, "jobs"), job), "steps")).Items.Cast<YamlMapping>()];

    private static IEnumerable<string> Field(IEnumerable<YamlMapping> steps, string key) =>
        steps.SelectMany(s => s.Entries.Where(e => e.Key.Text == key)).Select(e => ((YamlScalar)e.Value).Text);

    [Fact]
    public void Check_workflow_runs_on_pull_requests_annotates_and_tests()
    {
        var workflow = Workflow("check.yml");
        var steps = Steps(workflow, "check");

        Assert.IsType<YamlMapping>(Get(workflow, "on")).Entries.Single(e => e.Key.Text == "pull_request");
        Assert.Equal(["actions/checkout@v4", "actions/setup-dotnet@v4"], Field(steps, "uses"));
        Assert.Contains("dotnet run --project src/FactDossier -- check --strict --format github", Field(steps, "run"));
        Assert.Contains("dotnet test", Field(steps, "run"));
    }

    [Fact]
    public void Pages_workflow_builds_with_the_pages_address_keeps_share_images_and_deploys_with_the_official_actions()
    {
        var workflow = Workflow("pages.yml");
        var build = Steps(workflow, "build");
        var deploy = Steps(workflow, "deploy");

        Assert.Equal(["main"], Assert.IsType<YamlSequence>(Get(Get(Get(workflow, "on"), "push"), "branches")).Items.Select(i => ((YamlScalar)i).Text));
        Assert.Equal(["actions/checkout@v4", "actions/setup-dotnet@v4", "actions/configure-pages@v5", "actions/cache@v4", "actions/upload-pages-artifact@v3"], Field(build, "uses"));
        Assert.Equal([".cache/factdossier/share", ".cache/factdossier/markdown.bin", ".cache/factdossier/anchors.bin"],
            ((YamlScalar)Get(Get(build.Single(s => Field([s], "uses").Contains("actions/cache@v4")), "with"), "path")).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["actions/deploy-pages@v4"], Field(deploy, "uses"));
        Assert.Equal("write", ((YamlScalar)Get(Get(workflow, "permissions"), "pages")).Text);
        Assert.Equal("write", ((YamlScalar)Get(Get(workflow, "permissions"), "id-token")).Text);
        Assert.Equal("output", ((YamlScalar)Get(Get(build.Single(s => Field([s], "uses").Contains("actions/upload-pages-artifact@v3")), "with"), "path")).Text);
    }

    [Fact]
    public void The_commands_the_workflows_run_succeed_on_this_repository()
    {
        var buildCommand = Field(Steps(Workflow("pages.yml"), "build"), "run").Single();
        Assert.Equal("dotnet run --project src/FactDossier -- build --strict --base-url \"${{ steps.pages.outputs.base_url }}/\"", buildCommand);
        using var project = TestProject.RealDossier();

        var check = FactDossierProcess.Execute("check", "--strict", "--format", "github", "--root", project.Root, "--theme", RepositoryPaths.Theme);
        var build = FactDossierProcess.Execute("build", "--strict", "--base-url", "https://example.github.io/factdossier/", "--root", project.Root, "--theme", RepositoryPaths.Theme);

        Assert.Equal(0, check.ExitCode);
        Assert.Equal("", check.Stderr);
        Assert.Equal(0, build.ExitCode);
        Assert.Empty(LinkIntegrityTests.BrokenLinks(project.Output, "/factdossier/"));
    }
}
