namespace FactDossier.Tests.Support;

/// <summary>What can happen to a file the tool keeps between runs: a crash mid-write, a bit flipped on disk, another program's text.</summary>
internal static class Damage
{
    public static void Apply(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "one byte changed":
                bytes[bytes.Length / 3] ^= 0x20;
                File.WriteAllBytes(path, bytes);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "garbage":
                File.WriteAllText(path, "FactDossier, or so it says");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }
}
