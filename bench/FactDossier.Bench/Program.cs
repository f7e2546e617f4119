using System.Globalization;
using FactDossier.Bench;

// bench generate <claims> <folder>: writes <folder>/factdossier (input/, seeds/) and <folder>/hugo.
if (args is ["generate", var count, var folder])
{
    var claims = int.Parse(count, CultureInfo.InvariantCulture);
    new SyntheticDossier(claims).Write(folder);
    Console.WriteLine($"wrote {claims} claims to {folder}");
    return 0;
}

if (args is ["profile", var root, var theme])
{
    Profile.Run(root, theme);
    return 0;
}

// bench inprocess <root> [builds]: the same project built repeatedly in one process (the seed dossier's target).
if (args is ["inprocess", var project, .. var rest])
{
    InProcess.Run(project, rest is [var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 20);
    return 0;
}

// bench edits <root> <theme> [edits]: the preview's one-edit rebuild in-process, by stage and by planner.
if (args is ["edits", var editRoot, var editTheme, .. var more])
{
    Edits.Run(editRoot, editTheme, more is [var e] ? int.Parse(e, CultureInfo.InvariantCulture) : 20);
    return 0;
}

// bench served <site url> <claim file> [edits]: with preview running, each edit's time until its page is served, sorted.
if (args is ["served", var url, var claimFile, .. var times])
{
    return await Served.RunAsync(new Uri(url), claimFile, times is [var t] ? int.Parse(t, CultureInfo.InvariantCulture) : 10);
}

// bench share-images <root> <theme> [samples folder]: each share image drawn once, encoded by each candidate encoder.
if (args is ["share-images", var shareRoot, var shareTheme, .. var sampleFolder])
{
    ShareImages.Run(shareRoot, shareTheme, sampleFolder is [var s] ? s : null);
    return 0;
}

// bench zoom <png> <png> <output> x y width height: a region of two images one above the other, at 300 %.
if (args is ["zoom", var first, var second, var zoomed, var x, var y, var w, var h])
{
    int N(string v) => int.Parse(v, CultureInfo.InvariantCulture);
    ShareImages.Zoom(first, second, zoomed, N(x), N(y), N(w), N(h));
    return 0;
}

Console.Error.WriteLine("usage: FactDossier.Bench generate <claims> <folder> | profile <root> <theme> | inprocess <root> [builds] | edits <root> <theme> [edits] | served <site url> <claim file> [edits] | share-images <root> <theme> [samples folder]");
return 2;
