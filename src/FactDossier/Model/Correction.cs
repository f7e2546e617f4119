using MemoryPack;
namespace FactDossier.Model;

[MemoryPackable]
public sealed partial record Correction(DateOnly Date, string What);
