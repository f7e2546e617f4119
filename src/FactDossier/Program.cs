using System.Globalization;
using System.CommandLine;
using FactDossier.Building;
using FactDossier.Cli;
using FactDossier.Loading;

// Output must not depend on the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new Option<string>("--root") { Description = "Project root holding input/, seeds/ and theme/", DefaultValueFactory = _ => "." };
var input = new Option<string?>("--input", "-i") { Description = "Input folder (default: <root>/input)" };
var output = new Option<string?>("--output", "-o") { Description = "Output folder (default: <root>/output)" };
var theme = new Option<string?>("--theme") { Description = "Theme folder (default: <root>/theme)" };
var basePath = new Option<string?>("--base-path") { Description = "URL path the site is served under, e.g. /factdossier/ (default: site setting, else /)" };
var format = new Option<string>("--format") { Description = "Diagnostics format: msbuild (default) or github (Actions annotations)", DefaultValueFactory = _ => "msbuild" };
format.AcceptOnlyFromAmong("msbuild", "github");
var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the time of each stage" };
Option[] shared = [root, input, output, theme, basePath, format, verbose];

var build = new Command("build", "Build the site into the output folder (the default command)");
var check = new Command("check", "Validate, anchor, render and link-check everything; write nothing");
var rootCommand = new RootCommand("FactDossier: builds a fact-check dossier website from an article and editors' YAML claim files");
foreach (var option in shared)
{
    option.Recursive = true;
    rootCommand.Add(option);
}

rootCommand.Add(build);
rootCommand.Add(check);

int Run(ParseResult parsed, bool write)
{
    var layout = InputLayout.Under(parsed.GetValue(root)!, parsed.GetValue(input), parsed.GetValue(theme), parsed.GetValue(output));
    var result = SiteBuilder.Build(new BuildOptions(layout, parsed.GetValue(basePath), write));
    ConsoleReport.Diagnostics(result.Diagnostics, parsed.GetValue(format)!, Console.Error);
    ConsoleReport.Summary(result, write ? "build" : "check", write && result.Succeeded ? layout.Display(layout.Output) : null,
        parsed.GetValue(verbose), Console.Out);
    return result.Succeeded ? 0 : 1;
}

rootCommand.SetAction(parsed => Run(parsed, write: true));
build.SetAction(parsed => Run(parsed, write: true));
check.SetAction(parsed => Run(parsed, write: false));

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

return parseResult.Invoke();
