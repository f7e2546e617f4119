namespace FactDossier.Model;

public enum Relation
{
    Contradicts,
    Qualifies,
    Supports,
}

public static class Relations
{
    public static IReadOnlyList<string> Keys { get; } = ["contradicts", "qualifies", "supports"];

    public static Relation Parse(string key) => key switch
    {
        "contradicts" => Relation.Contradicts,
        "qualifies" => Relation.Qualifies,
        _ => Relation.Supports,
    };

    public static string Key(this Relation relation) => relation switch
    {
        Relation.Contradicts => "contradicts",
        Relation.Qualifies => "qualifies",
        _ => "supports",
    };
}
