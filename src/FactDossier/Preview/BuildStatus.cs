using System.Text.Json.Nodes;
using FactDossier.Building;

namespace FactDossier.Preview;

/// <summary>The outcome of the latest preview build, as browsers receive it: a version that changes on every build, and its problems.</summary>
public sealed record BuildStatus(int Version, BuildResult Result)
{
    public string ToJson()
    {
        var diagnostics = new JsonArray([.. Result.Diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["path"] = d.Span.Path,
            ["line"] = d.Span.Line,
            ["column"] = d.Span.Column,
            ["code"] = d.Code.Id,
            ["severity"] = d.IsError ? "error" : "warning",
            ["message"] = d.Message,
            ["hint"] = d.Hint,
        })]);
        return new JsonObject { ["version"] = Version, ["ok"] = Result.Succeeded, ["diagnostics"] = diagnostics }.ToJsonString(); // one SSE data line
    }
}
