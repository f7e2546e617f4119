using System.Globalization;
using System.CommandLine;
using FactDossier.Building;
using FactDossier.Cli;
using FactDossier.Loading;
using FactDossier.Preview;
using FactDossier.Scaffolding;
using FactDossier.Serving;

// Output must not depend on the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new Option<string>("--root") { Description = "Project root holding input/, seeds/ and theme/", DefaultValueFactory = _ => "." };
var input = new Option<string?>("--input", "-i") { Description = "Input folder (default: <root>/input)" };
var output = new Option<string?>("--output", "-o") { Description = "Output folder (default: <root>/output)" };
var theme = new Option<string?>("--theme") { Description = "Theme folder (default: <root>/theme)" };
var basePath = new Option<string?>("--base-path") { Description = "URL path the site is served under, e.g. /factdossier/ (default: site setting, else /)" };
var baseUrl = new Option<string?>("--base-url") { Description = "The site's public address, e.g. https://example.github.io/factdossier/ (default: base_url of site.yml): absolute links, share tags and images" };
baseUrl.Validators.Add(result =>
{
    if (result.GetValueOrDefault<string?>() is { } value && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
    {
        result.AddError($"--base-url must be an absolute http(s) address, not '{value}'");
    }
});
var format = new Option<string>("--format") { Description = "Diagnostics format: msbuild (default) or github (Actions annotations)", DefaultValueFactory = _ => "msbuild" };
format.AcceptOnlyFromAmong("msbuild", "github");
var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the time of each stage" };
var strict = new Option<bool>("--strict") { Description = "Treat warnings (such as a TODO left in a claim) as errors: for publishing" };
Option[] shared = [root, input, output, theme, basePath, baseUrl, format, verbose, strict];

var build = new Command("build", "Build the site into the output folder (the default command)");
var coverageOption = new Option<bool>("--coverage") { Description = "Also list each quotation or reported-speech sentence of the articles that no claim covers, with the new claim command that starts one" };
var check = new Command("check", "Validate, anchor, render and link-check everything; write nothing") { coverageOption };
var rootCommand = new RootCommand("FactDossier: builds a fact-check dossier website from an article and editors' YAML claim files");
foreach (var option in shared)
{
    option.Recursive = true;
    rootCommand.Add(option);
}

rootCommand.Add(build);
rootCommand.Add(check);

var articleOption = new Option<string>("--article") { Description = "Id of the article the quote comes from", Required = true };
var quoteOption = new Option<string>("--quote") { Description = "The statement's words, as the article prints them", Required = true };
var speakerOption = new Option<string?>("--speaker") { Description = "Id of the person who said it (input/people/)" };
var idOption = new Option<string?>("--id") { Description = "Id (file name) of the new claim; default: made from the quote" };
var occurrenceOption = new Option<int?>("--occurrence") { Description = "Which appearance of the words is meant, counting from 1, when the article prints them more than once" };
var newClaim = new Command("claim", "Write input/claims/<id>.yml from a quote, after checking that it anchors in the article")
{
    articleOption, quoteOption, speakerOption, idOption, occurrenceOption,
};
var folderArgument = new Argument<string>("folder") { Description = "The new dossier's folder: a new one, or an empty one" };
var dossierTitleOption = new Option<string?>("--title") { Description = "The dossier's title (default: a TODO to fill in)" };
var siteLanguageOption = new Option<string>("--language") { Description = "The language of the site's interface: en or fr", DefaultValueFactory = _ => "en" };
var newDossier = new Command("dossier", "Make a new dossier that builds at once: settings, a methodology page, theme, schemas, GitHub workflows")
{
    folderArgument, dossierTitleOption, siteLanguageOption,
};
var textOption = new Option<string>("--text") { Description = "The article's text: a UTF-8 file, one paragraph per line, copied into seeds/ byte for byte", Required = true };
var articleTitleOption = new Option<string>("--title") { Description = "A descriptive title (the article's own, or one written for it)", Required = true };
var dateOption = new Option<string>("--date") { Description = "Its publication date, YYYY-MM-DD", Required = true };
var articleLanguageOption = new Option<string>("--language") { Description = "The article's language (fr, en…)", Required = true };
var urlOption = new Option<string?>("--url") { Description = "Its address, if known" };
var publisherOption = new Option<string?>("--publisher") { Description = "Who published it, if known" };
var articleIdOption = new Option<string?>("--id") { Description = "Id (file name) of the new article; default: made from the title and the date" };
var newArticle = new Command("article", "Copy an article's text into seeds/ and write input/articles/<id>.yml")
{
    textOption, articleTitleOption, dateOption, articleLanguageOption, urlOption, publisherOption, articleIdOption,
};
var newCommand = new Command("new", "Scaffold a new dossier or input file") { newDossier, newArticle, newClaim };
rootCommand.Add(newCommand);

var portOption = new Option<int>("--port", "-p") { Description = "Port to serve on, on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 5080 };
var preview = new Command("preview", "Build, serve on 127.0.0.1, rebuild and reload the browser on every change of input/, seeds/ and theme/")
{
    portOption,
};
rootCommand.Add(preview);

var socketOption = new Option<string>("--socket") { Description = "The socket to listen at", Required = true };
var serverRun = new Command("run", "Serve this project's builds (started by build itself)") { socketOption };
serverRun.Hidden = true;
var serverStop = new Command("stop", "Stop the build server of this project and these options, if one is running");
var server = new Command("server", "The build server that keeps the last build in memory between builds (off with FACTDOSSIER_BUILD_SERVER=0)")
{
    serverRun, serverStop,
};
rootCommand.Add(server);
serverRun.SetAction(async (parsed, stopping) =>
    await BuildServer.RunAsync(Options(parsed, write: true), Path.GetFullPath(parsed.GetValue(socketOption)!), BuildServer.IdleTimeout, Console.Error, stopping));
serverStop.SetAction(async (parsed, _) =>
{
    // Found whatever FACTDOSSIER_BUILD_SERVER says now: it may have been on when the server started.
    var socket = BuildServerAddress.For(Options(parsed, write: true), name => name == "FACTDOSSIER_BUILD_SERVER" ? "1" : Environment.GetEnvironmentVariable(name));
    var stopped = socket is not null && await BuildServerClient.StopAsync(socket);
    Console.Out.WriteLine(stopped ? "build server stopped" : "no build server was running");
    return 0;
});

InputLayout Layout(ParseResult parsed) =>
    InputLayout.Under(parsed.GetValue(root)!, parsed.GetValue(input), parsed.GetValue(theme), parsed.GetValue(output));

BuildOptions Options(ParseResult parsed, bool write) =>
    new(Layout(parsed), parsed.GetValue(basePath), write, parsed.GetValue(strict))
    {
        BaseUrl = parsed.GetValue(baseUrl) is { } url ? new Uri(url.EndsWith('/') ? url : url + "/") : null,
        LockPatience = LockPatience(),
    };

// How long a build waits for another writer of its output folder: FACTDOSSIER_LOCK_TIMEOUT seconds, else 10 minutes.
static TimeSpan LockPatience() =>
    double.TryParse(Environment.GetEnvironmentVariable("FACTDOSSIER_LOCK_TIMEOUT"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
        ? TimeSpan.FromSeconds(seconds)
        : FactDossier.Publishing.OutputLock.DefaultPatience;

int Check(ParseResult parsed)
{
    var result = SiteBuilder.Build(Options(parsed, write: false) with { ListUncovered = parsed.GetValue(coverageOption) });
    ConsoleReport.Diagnostics(result.Diagnostics, parsed.GetValue(format)!, Console.Error);
    if (parsed.GetValue(coverageOption))
    {
        ConsoleReport.Coverage(result.Stats.Coverage, ToolCommand(parsed), parsed.GetValue(format)!, Console.Out);
    }

    ConsoleReport.Summary(result, "check", null, parsed.GetValue(verbose), Console.Out);
    return result.Succeeded ? 0 : 1;
}

// The command a printed suggestion starts with: the README's, with the options given that find this project.
string ToolCommand(ParseResult parsed) =>
    "dotnet run --project src/FactDossier --"
    + (parsed.GetValue(root) is { } r && r != "." ? $" --root {ShellWord.Quote(r)}" : "")
    + (parsed.GetValue(input) is { } i ? $" --input {ShellWord.Quote(i)}" : "");

async Task<int> Build(ParseResult parsed)
{
    var options = Options(parsed, write: true);
    var socket = BuildServerAddress.For(options, Environment.GetEnvironmentVariable);
    if (socket is not null && await BuildServerClient.TryAsync(socket, new ServerRequest(Stop: false, parsed.GetValue(format)!, parsed.GetValue(verbose)),
            Console.Error.WriteLine) is { } reply)
    {
        Console.Out.Write(reply.Stdout);
        Console.Error.Write(reply.Stderr);
        return reply.ExitCode;
    }

    var result = SiteBuilder.Build(options);
    var exit = ConsoleReport.Build(result, options.Layout, parsed.GetValue(format)!, parsed.GetValue(verbose), Console.Out, Console.Error);
    if (socket is not null && result.Succeeded)
    {
        BuildServerClient.Start(socket, options); // for the next build of this project
    }

    return exit;
}

int NewClaim(ParseResult parsed)
{
    var layout = Layout(parsed);
    var request = new NewClaimRequest(parsed.GetValue(articleOption)!, parsed.GetValue(quoteOption)!, parsed.GetValue(speakerOption), parsed.GetValue(idOption),
        parsed.GetValue(occurrenceOption));
    var outcome = NewClaimCommand.Run(layout, request);
    return Scaffolded(parsed, outcome.Diagnostics, outcome.WrittenPath is { } path ? [path] : null,
        $"Fill in every TODO, then check with: dotnet run --project src/FactDossier -- check{RootArgument(parsed)}");
}

int NewDossier(ParseResult parsed)
{
    var folder = parsed.GetValue(folderArgument)!;
    var outcome = NewDossierCommand.Run(folder, parsed.GetValue(dossierTitleOption), parsed.GetValue(siteLanguageOption)!);
    return Scaffolded(parsed, outcome.Diagnostics, outcome.WrittenPath is { } path ? [path + "/"] : null,
        $"Fill in the TODOs of {folder}/input/site.yml and input/pages/methodology.md, then add an article: dotnet run --project src/FactDossier -- new article --root {folder} --text <file> --title \"…\" --date YYYY-MM-DD --language <code>");
}

int NewArticle(ParseResult parsed)
{
    var request = new NewArticleRequest(parsed.GetValue(textOption)!, parsed.GetValue(articleTitleOption)!, parsed.GetValue(dateOption)!,
        parsed.GetValue(articleLanguageOption)!, parsed.GetValue(urlOption), parsed.GetValue(publisherOption), parsed.GetValue(articleIdOption));
    var outcome = NewArticleCommand.Run(Layout(parsed), request);
    return Scaffolded(parsed, outcome.Diagnostics, outcome.Id is null ? null : [.. outcome.Written],
        $"Fill in its TODO, then add a claim: dotnet run --project src/FactDossier -- new claim{RootArgument(parsed)} --article {outcome.Id} --quote \"<words as printed>\"");
}

// What the new commands print: problems to stderr, then what was written and what to do next; 1 if nothing was written.
int Scaffolded(ParseResult parsed, IReadOnlyList<FactDossier.Diagnostics.Diagnostic> diagnostics, string[]? written, string next)
{
    ConsoleReport.Diagnostics(diagnostics, parsed.GetValue(format)!, Console.Error);
    foreach (var path in written ?? [])
    {
        Console.Out.WriteLine($"wrote {path}");
    }

    if (written is not null)
    {
        Console.Out.WriteLine(next);
    }

    return written is null ? 1 : 0;
}

string RootArgument(ParseResult parsed) => parsed.GetValue(root) is "." ? "" : $" --root {parsed.GetValue(root)}";

newClaim.SetAction(NewClaim);
newDossier.SetAction(NewDossier);
newArticle.SetAction(NewArticle);
preview.SetAction(async (parsed, cancellation) =>
{
    var layout = Layout(parsed);
    var options = Options(parsed, write: true);
    var basePathInUse = options.BasePath ?? options.BaseUrl?.AbsolutePath ?? SiteBasePath(layout);
    return await PreviewServer.RunAsync(options, basePathInUse, parsed.GetValue(portOption), status =>
    {
        ConsoleReport.Diagnostics(status.Result.Diagnostics, parsed.GetValue(format)!, Console.Error);
        Console.Out.WriteLine(status.Result.Succeeded
            ? $"build {status.Version}: {status.Result.Stats.Rendered} of {status.Result.Stats.Pages} pages rendered in {status.Result.Stats.ElapsedMs} ms"
            : $"build {status.Version} FAILED with {status.Result.Errors} error(s); still serving the last good site");
        if (parsed.GetValue(verbose))
        {
            Console.Out.WriteLine("  " + string.Join(", ", status.Result.Stats.Stages.Select(s => $"{s.Stage} {s.Milliseconds} ms")));
        }
    }, Console.Out, cancellation);
});
rootCommand.SetAction((parsed, _) => Build(parsed));
build.SetAction((parsed, _) => Build(parsed));
check.SetAction(Check);

var parseResult = rootCommand.Parse(args);
if (parseResult.Errors.Count > 0)
{
    foreach (var error in parseResult.Errors)
    {
        Console.Error.WriteLine($"factdossier: error: {error.Message}");
    }

    Console.Error.WriteLine("Run with --help to see the commands and options.");
    return 2;
}

// Ctrl+C or SIGTERM cancels the command, which then has this long to finish what it writes (the preview its build, a
// build its staging folder's removal): System.CommandLine's default of 2 s ended a slow build midway, leaving a staging
// folder beside output/ for the next writer to clear.
return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(1) });

// The base path a preview serves under when --base-path is not given: the site settings', as the build uses.
static string? SiteBasePath(InputLayout layout) =>
    DossierLoader.Load(layout).Dossier?.Site is { } site ? site.BasePath ?? site.BaseUrl?.AbsolutePath : null;
