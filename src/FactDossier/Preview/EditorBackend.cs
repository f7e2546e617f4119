using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FactDossier.Preview;

/// <summary>
/// Decap CMS's local-backend protocol, as <c>decap-server</c> speaks it (its <c>localFs</c> mode): the editor POSTs
/// <c>{action, params}</c> and gets JSON back. Files are read and written only where <see cref="EditorPaths"/> allows;
/// a request with any refused path writes nothing. The preview's watcher rebuilds what a write changed. The dossier
/// publishes no images, so media are listed and read but never written; an entry's file name is its id, so entries
/// are never renamed.
/// </summary>
public sealed class EditorBackend(EditorPaths paths, string repositoryName)
{
    /// <summary>The answer to one request: an HTTP status and a JSON body.</summary>
    public readonly record struct Answer(int Status, JsonNode? Body)
    {
        public static Answer Ok(JsonNode? body) => new(200, body);

        public static Answer Refused(string reason) => new(422, new JsonObject { ["error"] = reason });
    }

    private sealed class RefusedException(string reason) : Exception(reason);

    public Answer Handle(JsonNode? request)
    {
        if (request is not JsonObject body || body["action"]?.GetValueKind() != JsonValueKind.String)
        {
            return Answer.Refused("the body must be a JSON object with an 'action'");
        }

        var parameters = body["params"] as JsonObject ?? [];
        try
        {
            return (string)body["action"]! switch
            {
                "info" => Answer.Ok(new JsonObject { ["repo"] = repositoryName, ["publish_modes"] = new JsonArray("simple"), ["type"] = "local_fs" }),
                "entriesByFolder" => Answer.Ok(EntriesByFolder(parameters)),
                "entriesByFiles" => Answer.Ok(new JsonArray([.. Items(parameters, "files").Select(f => Entry(Text(f, "path"), f?["label"]?.GetValue<string>()))])),
                "getEntry" => Answer.Ok(Entry(Text(parameters, "path"), label: null)),
                "persistEntry" => Answer.Ok(PersistEntry(parameters)),
                "getMedia" => Answer.Ok(GetMedia(parameters)),
                "getMediaFile" => Answer.Ok(MediaFile(Allowed(paths.Media(Text(parameters, "path"))))),
                "persistMedia" => Answer.Refused("this dossier publishes no images: cite a source instead"),
                "deleteFile" => Answer.Ok(Delete([Text(parameters, "path")])),
                "deleteFiles" => Answer.Ok(Delete([.. Items(parameters, "paths").Select(p => p?.GetValue<string>())])),
                "getDeployPreview" => Answer.Ok(null),
                var other => Answer.Refused($"unknown action '{other}'"),
            };
        }
        catch (RefusedException refused)
        {
            return Answer.Refused(refused.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            return Answer.Refused($"malformed request: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Answer(500, new JsonObject { ["error"] = e.Message });
        }
    }

    /// <summary>The folder's entries: its files with its own extension (the request's is not trusted as a pattern).</summary>
    private JsonArray EntriesByFolder(JsonObject parameters)
    {
        var name = Text(parameters, "folder");
        var folder = Allowed(paths.Folder(name, media: false));
        var extension = "." + Editing.EditorFolders.All.Single(f => f.Folder == name).Extension;
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Where(f => Path.GetExtension(f) == extension)
                .Select(paths.Named).Order(StringComparer.Ordinal).Select(p => Entry(p, label: null))]
            : [];
    }

    /// <summary>A file's text and id (its SHA-256), as decap-server gives them; a missing or refused file has none.</summary>
    private JsonObject Entry(string? path, string? label)
    {
        var (full, _) = paths.Entry(path);
        var bytes = full is not null && File.Exists(full) ? File.ReadAllBytes(full) : null;
        var file = new JsonObject { ["path"] = path, ["id"] = bytes is null ? null : Sha256(bytes) };
        if (label is not null)
        {
            file["label"] = label;
        }

        return new JsonObject { ["data"] = bytes is null ? null : Encoding.UTF8.GetString(bytes), ["file"] = file };
    }

    private JsonObject PersistEntry(JsonObject parameters)
    {
        var dataFiles = parameters["dataFiles"] is JsonArray many ? [.. many] : new List<JsonNode?> { parameters["entry"] };
        if (dataFiles.Any(d => Text(d, "newPath") is not null))
        {
            throw new RefusedException("an entry's file name is its id: it is not renamed here (rename the file in a pull request)");
        }

        if (Items(parameters, "assets").Any())
        {
            throw new RefusedException("this dossier publishes no images: cite a source instead");
        }

        // Every path is checked, then every file staged, before any is put in place; a new article's text first.
        var writes = new List<(string Path, byte[] Bytes, bool New)>();
        foreach (var data in dataFiles)
        {
            var named = Text(data, "path");
            var path = Allowed(paths.Entry(named));
            var raw = Text(data, "raw") ?? throw new RefusedException("a data file has no 'raw'");
            if (named!.StartsWith("input/articles/", StringComparison.Ordinal))
            {
                var (taken, refusal) = Editing.ArticleTextEntry.Take(raw, Path.GetFileNameWithoutExtension(path));
                raw = taken?.Yaml ?? throw new RefusedException(refusal!);
                if (taken.Text is { } text && SeedToWrite(named, Encoding.UTF8.GetBytes(text)) is { } seed)
                {
                    writes.Insert(0, seed);
                }
            }

            writes.Add((path, Encoding.UTF8.GetBytes(raw), New: false));
        }

        var staged = new List<(string Temporary, string Path, bool New)>();
        try
        {
            foreach (var (path, bytes, isNew) in writes)
            {
                staged.Add((Stage(path, bytes), path, isNew));
            }

            foreach (var (temporary, path, isNew) in staged)
            {
                File.Move(temporary, path, overwrite: !isNew); // a seed is never written over, even one made meanwhile
            }
        }
        finally
        {
            staged.Where(s => File.Exists(s.Temporary)).ToList().ForEach(s => File.Delete(s.Temporary));
        }

        return new JsonObject { ["message"] = "entry persisted" };
    }

    /// <summary>The seed a new article's pasted text makes: none when the same bytes are there already (the form saved again).</summary>
    private (string Path, byte[] Bytes, bool New)? SeedToWrite(string entry, byte[] bytes)
    {
        var seed = Allowed(paths.Seed(entry));
        if (!File.Exists(seed))
        {
            return (seed, bytes, New: true);
        }

        return File.ReadAllBytes(seed).AsSpan().SequenceEqual(bytes)
            ? null
            : throw new RefusedException($"seeds/{Path.GetFileName(seed)} exists with another text: a seed is never written over (change it in a pull request)");
    }

    private JsonArray GetMedia(JsonObject parameters)
    {
        var folder = Allowed(paths.Folder(Text(parameters, "mediaFolder"), media: true));
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Where(f => paths.Media(paths.Named(f)).Path is not null).Select(MediaFile)]
            : [];
    }

    private JsonObject MediaFile(string full)
    {
        var bytes = File.ReadAllBytes(full);
        return new JsonObject
        {
            ["id"] = Sha256(bytes),
            ["content"] = Convert.ToBase64String(bytes),
            ["encoding"] = "base64",
            ["path"] = paths.Named(full),
            ["name"] = Path.GetFileName(full),
        };
    }

    private JsonObject Delete(IReadOnlyList<string?> named)
    {
        var files = named.Select(p => Allowed(paths.Entry(p))).ToList();
        foreach (var file in files.Where(File.Exists))
        {
            File.Delete(file);
        }

        return new JsonObject { ["message"] = $"deleted files {string.Join(", ", named)}" };
    }

    /// <summary>
    /// The bytes in a new file beside <paramref name="path"/>, created exclusively (a link planted under its name
    /// fails the creation instead of being followed), for a rename into place: the watcher never reads half a claim.
    /// </summary>
    private static string Stage(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.editor");
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(bytes);
        }

        return temporary;
    }

    private static string Allowed((string? Path, string? Refusal) resolved) => resolved.Path ?? throw new RefusedException(resolved.Refusal!);

    private static IEnumerable<JsonNode?> Items(JsonNode? parameters, string name) => parameters?[name] as JsonArray ?? [];

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
