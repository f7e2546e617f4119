using System.Text.RegularExpressions;
using FactDossier.Editing;
using FactDossier.Loading;

namespace FactDossier.Preview;

/// <summary>
/// Which files the editor may read and write, and where they are: an entry file directly in one of the editor's
/// folders of <c>input/</c> with its folder's extension, or an image in <c>input/media/</c>. Paths come as the editor
/// writes them (<c>input/claims/x.yml</c>); anything else — an absolute path, <c>..</c>, a backslash, a sub-folder,
/// another extension, a symbolic link on the way — is refused with the reason.
/// </summary>
public sealed partial class EditorPaths(InputLayout layout)
{
    public const string MediaFolder = "input/media";
    private static readonly string[] MediaExtensions = ["png", "jpg", "jpeg", "gif", "webp"];

    /// <summary>The full path of an entry file, or why not.</summary>
    public (string? Path, string? Refusal) Entry(string? path) => Resolve(path, media: false);

    /// <summary>The full path of a media file, or why not.</summary>
    public (string? Path, string? Refusal) Media(string? path) => Resolve(path, media: true);

    /// <summary>
    /// Where the text pasted into a new article's form goes: <c>seeds/&lt;name&gt;.txt</c> for the article entry
    /// <paramref name="path"/> (itself allowed), neither the folder nor the file a symbolic link.
    /// </summary>
    public (string? Path, string? Refusal) Seed(string? path)
    {
        var (entry, refusal) = Entry(path);
        if (entry is null || !path!.StartsWith("input/articles/", StringComparison.Ordinal))
        {
            return (null, refusal ?? $"'{path}' is no article: only a new article's text is written to seeds/");
        }

        var folder = Path.Combine(layout.Root, "seeds");
        var full = Path.Combine(folder, Path.GetFileNameWithoutExtension(entry) + ".txt");
        return new DirectoryInfo(folder).LinkTarget is { } link ? (null, $"seeds/ is a symbolic link (to {link})")
            : new FileInfo(full).LinkTarget is { } target ? (null, $"{layout.Display(full)} is a symbolic link (to {target})")
            : (full, null);
    }

    /// <summary>The full path of a folder the editor lists, or why not.</summary>
    public (string? Path, string? Refusal) Folder(string? folder, bool media)
    {
        var known = media ? folder == MediaFolder : EditorFolders.All.Any(f => f.Folder == folder);
        if (!known)
        {
            return (null, $"'{folder}' is not a folder the editor edits");
        }

        var full = Path.Combine(layout.Input, folder!["input/".Length..]);
        return ThroughLink(full) is { } link ? (null, $"'{folder}' goes through the symbolic link {link}") : (full, null);
    }

    /// <summary>The path as the editor names it, from the full path of one of its files.</summary>
    public string Named(string full) => "input/" + Path.GetRelativePath(layout.Input, full).Replace('\\', '/');

    private (string? Path, string? Refusal) Resolve(string? path, bool media)
    {
        if (string.IsNullOrEmpty(path))
        {
            return (null, "no path");
        }

        if (path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(path))
        {
            return (null, $"'{path}' is not a path relative to the project");
        }

        var slash = path.LastIndexOf('/');
        var (folder, name) = slash < 0 ? ("", path) : (path[..slash], path[(slash + 1)..]);
        if (!FileName().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
        {
            return (null, $"'{path}': a file name is letters, digits, '-', '_' and one extension");
        }

        var extension = name[(name.LastIndexOf('.') + 1)..];
        if (media)
        {
            if (!MediaExtensions.Contains(extension))
            {
                return (null, $"'{path}': media are images ({string.Join(", ", MediaExtensions)})");
            }
        }
        else if (EditorFolders.All.FirstOrDefault(f => f.Folder == folder) is not { } kind)
        {
            return (null, $"'{path}' is not in a folder the editor edits ({string.Join(", ", EditorFolders.All.Select(f => f.Folder))})");
        }
        else if (extension != kind.Extension)
        {
            return (null, $"'{path}': files in {kind.Folder} end in .{kind.Extension}");
        }

        var (directory, refusal) = Folder(folder, media);
        if (directory is null)
        {
            return (null, refusal);
        }

        var full = Path.Combine(directory, name);
        return new FileInfo(full).LinkTarget is { } target
            ? (null, $"'{path}' is a symbolic link (to {target})")
            : (full, null);
    }

    /// <summary>The first symbolic link below input/ (itself the project's choice) down to <paramref name="folder"/>, if any.</summary>
    private string? ThroughLink(string folder)
    {
        for (var at = folder; at.Length > layout.Input.Length; at = Path.GetDirectoryName(at)!)
        {
            if (new DirectoryInfo(at).LinkTarget is not null) // a dangling link too
            {
                return layout.Display(at);
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*\\.[A-Za-z0-9]+\\z")]
    private static partial Regex FileName();
}
