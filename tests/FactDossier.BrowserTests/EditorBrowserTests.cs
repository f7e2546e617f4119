using FactDossier.BrowserTests.Support;
using FactDossier.Tests.Support;
using Microsoft.Playwright;

namespace FactDossier.BrowserTests;

/// <summary>
/// The form-based editor on <c>preview</c>, in Chromium: Decap CMS served by the preview, signed in to the preview's
/// own local backend, lists the claims, creates one through its form, and the new claim's page is served.
/// </summary>
[Collection(ServedSiteGroup.Name)]
public sealed class EditorBrowserTests(ServedSite site)
{
    [Fact]
    public async Task An_editor_lists_the_claims_creates_one_through_the_form_and_its_page_is_served()
    {
        using var project = TestProject.RealDossier();
        var claims = Directory.GetFiles(project.PathOf("input/claims"), "*.yml").Length;
        var (preview, url) = await FactDossierProcess.StartPreviewAsync(TimeSpan.FromSeconds(30),
            "--root", project.Root, "--theme", RepositoryPaths.Theme, "--port", "0");
        using var _ = preview;
        try
        {
            await using var tab = await SignedInEditorAsync(url);
            var entries = tab.Page.Locator("a[href*='/collections/claims/entries/']");
            await entries.First.WaitForAsync();
            Assert.Equal(claims, await entries.CountAsync());

            await tab.Page.GotoAsync(url + "admin/#/collections/claims/new");
            await Fill(tab.Page, "headline", "Negotiators said a summit could follow");
            await Pick(tab.Page, "article", "Russia");
            await Fill(tab.Page, "published_on", "2022-04-01");
            await Pick(tab.Page, "speaker", "Oleksandr Chaly");
            await Fill(tab.Page, "quote", "Nous n'accueillerons pas de bases militaires étrangères sur notre territoire");
            await tab.Page.Locator("[id^='rating-field']").First.ClickAsync();
            await tab.Page.GetByRole(AriaRole.Option, new() { Name = "Accurate", Exact = true }).ClickAsync();
            await Fill(tab.Page, "summary", "He said so at the talks.");
            await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await tab.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Publish now" }).ClickAsync();

            var file = project.PathOf("input/claims/negotiators-said-a-summit-could-follow.yml");
            await WaitFor(() => File.Exists(file));
            var page = await tab.Context.NewPageAsync();
            await WaitFor(() => LoadsAsync(page, url + "claims/negotiators-said-a-summit-could-follow/"));
            Assert.Contains("Negotiators said a summit could follow", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
            // Everything Decap loaded came from the preview, and nothing it asked for was missing: the one vendored
            // script is all the configured widgets need.
            Assert.All(tab.Requests, r => Assert.Equal("127.0.0.1", new Uri(r).Host));
            Assert.Equal(["decap-cms.js"], tab.Requests.Where(r => r.EndsWith(".js", StringComparison.Ordinal)).Select(r => new Uri(r).Segments[^1]).Distinct());
            Assert.True(tab.ConsoleErrors.IsEmpty, string.Join("\n", tab.ConsoleErrors));
        }
        finally
        {
            FactDossierProcess.Terminate(preview);
            await preview.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_new_article_made_through_the_form_has_its_pasted_text_as_its_seed_and_its_page_is_served()
    {
        using var project = TestProject.RealDossier();
        var (preview, url) = await FactDossierProcess.StartPreviewAsync(TimeSpan.FromSeconds(30),
            "--root", project.Root, "--theme", RepositoryPaths.Theme, "--port", "0");
        using var _ = preview;
        try
        {
            await using var tab = await SignedInEditorAsync(url);
            await tab.Page.GotoAsync(url + "admin/#/collections/articles/new");
            await Fill(tab.Page, "title", "Ministry says the statement was misreported");
            await Fill(tab.Page, "language", "en");
            await Fill(tab.Page, "date", "2022-10-14");
            await Fill(tab.Page, "text", "The ministry said the statement had been misconstrued.\n“Nothing was said against the military,” it said.");
            await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await tab.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Publish now" }).ClickAsync();

            var seed = project.PathOf("seeds/ministry-says-the-statement-was-misreported.txt");
            await WaitFor(() => File.Exists(seed));
            Assert.Equal("The ministry said the statement had been misconstrued.\n“Nothing was said against the military,” it said.", File.ReadAllText(seed));
            Assert.Contains("seed: seeds/ministry-says-the-statement-was-misreported.txt\n", project.Read("input/articles/ministry-says-the-statement-was-misreported.yml"), StringComparison.Ordinal);
            var page = await tab.Context.NewPageAsync();
            await WaitFor(() => LoadsAsync(page, url + "articles/ministry-says-the-statement-was-misreported/"));
            Assert.Contains("Nothing was said against the military", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(tab.ConsoleErrors.IsEmpty, string.Join("\n", tab.ConsoleErrors));
        }
        finally
        {
            FactDossierProcess.Terminate(preview);
            await preview.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task The_published_editor_accepts_its_configuration_and_offers_to_sign_in_with_GitHub_asking_nothing_of_another_host()
    {
        // The site as published on a static host: no preview, no local backend.
        await using var tab = await RecordedPage.OpenAsync(site.Browser, 1280);
        await tab.GoAsync(site.Root.BaseUrl + "admin/");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Login with GitHub" }).WaitForAsync(new() { Timeout = 20_000 });
        Assert.True(tab.ConsoleErrors.IsEmpty, string.Join("\n", tab.ConsoleErrors));
        Assert.All(tab.Requests, r => Assert.Equal("127.0.0.1", new Uri(r).Host));
    }

    [Fact]
    public async Task A_claim_saved_through_the_editor_with_no_change_builds_to_the_same_site()
    {
        using var edited = TestProject.RealDossier();
        using var untouched = TestProject.RealDossier();
        // The richest claims: comments, flow lists, folded text, counter-statements of every kind.
        string[] ids = ["moscow-radically-reduce", "article-moscow-backtracked", "le-drian-trust-is-acts"];
        var (preview, url) = await FactDossierProcess.StartPreviewAsync(TimeSpan.FromSeconds(30),
            "--root", edited.Root, "--theme", RepositoryPaths.Theme, "--port", "0");
        using var _ = preview;
        try
        {
            await using var tab = await SignedInEditorAsync(url);
            foreach (var id in ids)
            {
                var file = edited.PathOf($"input/claims/{id}.yml");
                string? original = null;
                foreach (var saved in new[] { true, false })
                {
                    // Each save from a freshly opened entry, as an editor coming back to it.
                    await tab.Page.GotoAsync(url + $"admin/#/collections/claims/entries/{id}");
                    await tab.Page.ReloadAsync();
                    var summary = tab.Page.Locator("[id^='summary-field']").First;
                    original ??= await summary.InputValueAsync();
                    await summary.FillAsync(saved ? original + " (draft)" : original);
                    await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
                    await tab.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Publish now" }).ClickAsync();
                    await WaitFor(() => File.ReadAllText(file).Contains("(draft)", StringComparison.Ordinal) == saved);
                    // The file is written before Decap hears back; until it does, its leave-page guard cancels the next
                    // navigation (a loaded CI machine did so once).
                    await tab.Page.GetByText("Published", new() { Exact = true }).WaitForAsync();
                }

                Assert.DoesNotContain("yaml-language-server", File.ReadAllText(file), StringComparison.Ordinal); // Decap wrote it anew
            }
        }
        finally
        {
            FactDossierProcess.Terminate(preview);
            await preview.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(edited.Build().Succeeded);
        Assert.True(untouched.Build().Succeeded);
        var files = Directory.GetFiles(untouched.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(untouched.Output, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(edited.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(edited.Output, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.True(File.ReadAllBytes(Path.Combine(untouched.Output, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(edited.Output, f))), f));
    }

    [Fact]
    public async Task A_quote_saved_through_the_form_that_is_not_in_the_article_shows_its_problem_and_closest_passage_over_the_open_site()
    {
        using var project = TestProject.RealDossier();
        var (preview, url) = await FactDossierProcess.StartPreviewAsync(TimeSpan.FromSeconds(30),
            "--root", project.Root, "--theme", RepositoryPaths.Theme, "--port", "0");
        using var _ = preview;
        try
        {
            await using var reader = await RecordedPage.OpenAsync(site.Browser, 1280);
            await reader.GoAsync(url + "claims/moscow-radically-reduce/");
            await reader.Page.WaitForTimeoutAsync(500); // the reload stream connects

            await using var editor = await SignedInEditorAsync(url);
            await editor.Page.GotoAsync(url + "admin/#/collections/claims/entries/moscow-radically-reduce");
            await editor.Page.ReloadAsync();
            // A typo in the quote, as an editor copying it by hand might make.
            await Fill(editor.Page, "quote", "réduire \"radicalement\" son activité en direction de Kiev et Tchernigov");
            await editor.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await editor.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Publish now" }).ClickAsync();

            var overlay = reader.Page.Locator("#factdossier-overlay");
            await overlay.WaitForAsync(new() { Timeout = 20_000 });
            var problem = await overlay.InnerTextAsync();
            Assert.Contains("input/claims/moscow-radically-reduce.yml(", problem, StringComparison.Ordinal);
            Assert.Contains("closest passage", problem, StringComparison.Ordinal);
            Assert.True(problem.Contains("«réduire \"radicalement\" son activité en direction de Kiev et Tchernig", StringComparison.Ordinal), problem); // the article's words, to copy
        }
        finally
        {
            FactDossierProcess.Terminate(preview);
            await preview.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A tab on the preview's editor, signed in to its local backend, on the list of claims.</summary>
    private async Task<RecordedPage> SignedInEditorAsync(string url)
    {
        var tab = await RecordedPage.OpenAsync(site.Browser, 1280);
        tab.Page.SetDefaultTimeout(20_000);
        await tab.GoAsync(url + "admin/");
        try
        {
            await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
        }
        catch (TimeoutException)
        {
            Assert.Fail(string.Join("\n", tab.ConsoleErrors) + "\n" + await tab.Page.ContentAsync()); // why Decap did not start
        }

        await tab.Page.WaitForURLAsync("**/admin/#/collections/claims");
        return tab;
    }

    private static async Task Fill(IPage page, string field, string text) =>
        await page.Locator($"[id^='{field}-field']").First.FillAsync(text);

    /// <summary>A relation: type, then take the first match offered.</summary>
    private static async Task Pick(IPage page, string field, string search)
    {
        await page.Locator($"[id^='{field}-field']").First.FillAsync(search);
        await page.GetByRole(AriaRole.Option).First.ClickAsync();
    }

    /// <summary>
    /// Whether the page loads; false too when the preview's live reload, fired by the rebuild that makes it, interrupts
    /// the navigation with its own: the next try sees the rebuilt page.
    /// </summary>
    private static async Task<bool> LoadsAsync(IPage page, string address)
    {
        try
        {
            return (await page.GotoAsync(address))?.Ok == true;
        }
        catch (PlaywrightException e) when (e.Message.Contains("interrupted by another navigation", StringComparison.Ordinal))
        {
            return false;
        }
    }

    private static Task WaitFor(Func<bool> done) => WaitFor(() => Task.FromResult(done()));

    private static async Task WaitFor(Func<Task<bool>> done)
    {
        for (var i = 0; i < 100 && !await done(); i++)
        {
            await Task.Delay(200);
        }

        Assert.True(await done());
    }
}
