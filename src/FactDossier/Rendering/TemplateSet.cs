using System.Text.RegularExpressions;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Publishing;
using FactDossier.Text;
using Fluid;
using Fluid.Values;

namespace FactDossier.Rendering;

/// <summary>
/// The theme's Liquid templates, parsed once per build: one layout, one template per page kind
/// (<c>theme/layouts/</c>) and the partials they render (<c>theme/partials/</c>). Output is HTML-encoded unless a
/// template writes <c>| raw</c>, which the theme keeps for values whose name ends in <c>_html</c>.
/// </summary>
public sealed partial class TemplateSet
{
    private const string LayoutName = "_layout";
    private static readonly Dictionary<string, object?> EmptyValues = [];
    private readonly IReadOnlyDictionary<string, IFluidTemplate> _templates;
    private readonly IReadOnlyDictionary<string, IFluidTemplate> _partials;
    private readonly IReadOnlyDictionary<string, string> _paths;
    private readonly TemplateOptions _options;

    private TemplateSet(IReadOnlyDictionary<string, IFluidTemplate> templates, IReadOnlyDictionary<string, IFluidTemplate> partials,
        IReadOnlyDictionary<string, string> paths, TemplateOptions options)
    {
        _templates = templates;
        _partials = partials;
        _paths = paths;
        _options = options;
    }

    /// <summary>Reads of partial files so far; a partial is parsed when read, so this counts parses.</summary>
    public int PartialReads => ((ThemeFileProvider)_options.FileProvider).Reads;

    public static TemplateSet? Load(string themeDirectory, InputLayout layout, DiagnosticBag diagnostics)
    {
        var layouts = Path.Combine(themeDirectory, "layouts");
        if (!Directory.Exists(layouts))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(layout.Display(layouts)), "the theme has no layouts folder",
                "pass --theme or restore theme/ from the repository");
            return null;
        }

        var parser = new FluidParser();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var (partials, parsedPartials) = LoadPartials(Path.Combine(themeDirectory, "partials"), parser, paths, layout, diagnostics);
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(layouts, "*.liquid").Order(StringComparer.Ordinal))
        {
            var path = layout.Display(file);
            if (TextFileReader.Read(file, path, diagnostics) is { } source && Parse(parser, source, path, diagnostics) is { } template)
            {
                var name = Path.GetFileNameWithoutExtension(file);
                templates[name] = template;
                paths[name] = path;
            }
        }

        var options = Options(partials);
        if (!templates.ContainsKey(LayoutName))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(layout.Display(layouts)), $"the theme has no {LayoutName}.liquid");
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        var set = new TemplateSet(templates, parsedPartials, paths, options);
        options.Filters.AddFilter("partial_cached", set.PartialCached);
        return set;
    }

    /// <summary>
    /// The theme's partials: each one's source (for Fluid's <c>render</c>) and its parse (for <c>partial_cached</c>). A
    /// partial in a sub-folder is named by its path: partials/charts/verdict-bar.liquid is 'charts/verdict-bar'.
    /// </summary>
    private static (Dictionary<string, string> Sources, Dictionary<string, IFluidTemplate> Parsed) LoadPartials(string folder, FluidParser parser,
        Dictionary<string, string> paths, InputLayout layout, DiagnosticBag diagnostics)
    {
        var (sources, parsed) = (new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal));
        IEnumerable<string> files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.liquid", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
        foreach (var file in files)
        {
            var path = layout.Display(file);
            var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (TextFileReader.Read(file, path, diagnostics) is { } source && Parse(parser, source, path, diagnostics) is { } partial)
            {
                sources[name] = source;
                parsed[name[..^".liquid".Length]] = partial;
                paths["partial:" + name[..^".liquid".Length]] = path;
            }
        }

        return (sources, parsed);
    }

    /// <summary>Fluid's options: snake_case members, the theme's partials, strict filters, and no clock (output must not change between builds).</summary>
    private static TemplateOptions Options(Dictionary<string, string> partials)
    {
        var options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            FileProvider = new ThemeFileProvider(partials),
            StrictFilters = true,
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            Now = () => DateTimeOffset.UnixEpoch,
        };
        options.Filters.AddFilter("raw", Raw);
        options.Filters.AddFilter("wrap_lines", WrapLines);
        return options;
    }

    private static IFluidTemplate? Parse(FluidParser parser, string source, string path, DiagnosticBag diagnostics)
    {
        if (parser.TryParse(source, out var template, out var error))
        {
            return template;
        }

        var at = Position().Match(error ?? "");
        var span = at.Success
            ? new SourceSpan(path, int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            : SourceSpan.StartOf(path);
        diagnostics.Add(DiagnosticCode.TemplateError, span, $"Liquid syntax error: {error}");
        return null;
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();

    /// <summary>
    /// Renders a partial on its own, once, for pages to include as HTML: a claim's card appears on the home page, two
    /// tag pages and its article's page, and is rendered once for all of them (as Hugo's partialCached).
    /// </summary>
    /// <param name="fragments">Where <c>| partial_cached</c> inside the partial keeps what it renders.</param>
    /// <param name="strings">Where the ids and links read from it are kept, one copy of each.</param>
    public HtmlFragment? RenderFragment(string partialName, IReadOnlyDictionary<string, object?> values, FragmentCache? fragments, StringPool? strings,
        out Diagnostic? error)
    {
        error = null;
        try
        {
            var context = new TemplateContext(_options);
            if (fragments is not null)
            {
                context.AmbientValues[FragmentCacheKey] = fragments;
            }

            foreach (var (key, value) in values)
            {
                context.SetValue(key, value);
            }

            using var writer = new PageWriter();
            RenderInto(_partials[partialName], writer, context);
            return HtmlFragment.Of(writer, strings);
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            var path = _paths.GetValueOrDefault("partial:" + partialName, "theme/partials");
            error = new Diagnostic(DiagnosticCode.TemplateError, SourceSpan.StartOf(path), $"rendering failed: {e.Message}");
            return null;
        }
    }

    /// <summary>Renders a page template, then the layout around it. Errors name the template, never the reader's input.</summary>
    public string Render(string templateName, IReadOnlyDictionary<string, object?> values, out Diagnostic? error) =>
        RenderPage(templateName, values, shared: null, out error)?.ToString() ?? "";

    /// <summary>
    /// As <see cref="Render(string, IReadOnlyDictionary{string, object?}, out Diagnostic?)"/>, with values every page
    /// shares, into a <see cref="PageWriter"/> that keeps included <see cref="HtmlFragment"/>s as references.
    /// </summary>
    public PageWriter? RenderPage(string templateName, IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, object?>? shared, out Diagnostic? error) =>
        RenderPage(templateName, values, shared, fragments: null, out error);

    /// <param name="fragments">Where <c>| partial_cached</c> keeps what it renders: one per build (none: rendered each time).</param>
    public PageWriter? RenderPage(string templateName, IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, object?>? shared,
        FragmentCache? fragments, out Diagnostic? error)
    {
        error = null;
        if (!_templates.TryGetValue(templateName, out var template))
        {
            error = new Diagnostic(DiagnosticCode.TemplateError, SourceSpan.StartOf("theme/layouts"), $"the theme has no template '{templateName}.liquid'");
            return null;
        }

        try
        {
            var context = new TemplateContext(_options);
            if (fragments is not null)
            {
                context.AmbientValues[FragmentCacheKey] = fragments;
            }

            foreach (var (key, value) in shared ?? EmptyValues)
            {
                context.SetValue(key, value);
            }

            foreach (var (key, value) in values)
            {
                context.SetValue(key, value);
            }

            using var body = new PageWriter();
            RenderInto(template, body, context);
            context.SetValue("content_html", body.AsValue());
            var page = new PageWriter();
            RenderInto(_templates[LayoutName], page, context);
            return page;
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException)
        {
            error = new Diagnostic(DiagnosticCode.TemplateError, SourceSpan.StartOf(_paths[templateName]), $"rendering failed: {e.Message}");
            return null;
        }
    }

    private static void RenderInto(IFluidTemplate template, PageWriter writer, TemplateContext context)
    {
        var rendering = template.RenderAsync(writer, Html.Encoder, context);
        if (!rendering.IsCompletedSuccessfully)
        {
            rendering.AsTask().GetAwaiter().GetResult();
        }
    }

    private const string FragmentCacheKey = "FactDossier.FragmentCache";

    /// <summary>
    /// <c>{{ value | partial_cached: 'name', 'var' }}</c>: the partial rendered with <c>var</c> set to the value and
    /// <c>t</c> to the interface words, and nothing else of the page (so that it is the same on every page), once per
    /// value and build.
    /// </summary>
    private ValueTask<FluidValue> PartialCached(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var partial = arguments.At(0).ToStringValue();
        var variable = arguments.Count > 1 ? arguments.At(1).ToStringValue() : "it";
        var value = input.ToObjectValue();
        var t = context.GetValue("t");
        var fragments = context.AmbientValues.TryGetValue(FragmentCacheKey, out var cache) ? cache as FragmentCache : null;
        HtmlFragment Render()
        {
            // A fragment's own partial_cached fragments (a listed quote's words) come from, and go to, the same cache.
            return RenderFragment(partial, new Dictionary<string, object?> { [variable] = value, ["t"] = t }, fragments, strings: null, out var error)
                ?? throw new InvalidOperationException(error!.Message);
        }

        return new(value is not null && fragments is not null ? fragments.GetOrAdd(partial, value, Render) : Render());
    }

    /// <summary>
    /// <c>{{ text | wrap_lines: 36, 4 }}</c>: the text as lines of at most 36 characters, cut between words, at most 4
    /// of them, the last ending with an ellipsis when the text goes on. For drawings (the share image's SVG), which
    /// have no line wrapping of their own.
    /// </summary>
    private static ValueTask<FluidValue> WrapLines(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var width = Math.Max(8, (int)arguments.At(0).ToNumberValue());
        var most = Math.Max(1, (int)arguments.At(1).ToNumberValue());
        var lines = TextLines.Wrap(input.ToStringValue(), width, most);
        return new(new ArrayValue([.. lines.Select(l => (FluidValue)new StringValue(l))]));
    }

    // Fluid's own `raw` turns any value into a plain string; fragments must stay fragments to be included by reference.
    private static ValueTask<FluidValue> Raw(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(input is HtmlFragment or PageWriter.Content ? input : new StringValue(input.ToStringValue(), encode: false));
}
