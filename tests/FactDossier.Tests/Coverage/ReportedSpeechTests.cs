using System.Collections.Immutable;
using FactDossier.Coverage;
using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Coverage;

public sealed class ReportedSpeechTests
{
    private static readonly ImmutableArray<string> French = ReportedSpeech.Defaults["fr"];

    private static List<string> Sentences(string text, ImmutableArray<string> cues)
    {
        var quotations = Quotations.In(text, 0, text.Length);
        return [.. ReportedSpeech.In(text, 0, text.Length, quotations, cues).Select(s => text[s.Start..s.End])];
    }

    [Fact]
    public void A_sentence_with_a_cue_and_no_quotation_is_reported_speech_and_the_others_are_not()
    {
        var text = "Les attaques se sont poursuivies mercredi. Le projet exclut toute base étrangère, ont expliqué les négociateurs. Kiev propose une consultation.";

        Assert.Equal(["Le projet exclut toute base étrangère, ont expliqué les négociateurs"], Sentences(text, French));
    }

    [Fact]
    public void A_sentence_that_quotes_is_judged_by_its_quotations_not_listed_again()
    {
        var text = "« Nous ne croyons personne », a déclaré le président. Il a dit attendre une réponse.";

        Assert.Equal(["Il a dit attendre une réponse"], Sentences(text, French));
    }

    [Fact]
    public void A_full_stop_inside_a_quotation_does_not_end_the_sentence()
    {
        var text = "« La Russie a menti. Nous la jugeons sur ses actes », a lancé le chef de l'Otan, selon l'agence.";

        Assert.Empty(Sentences(text, French));
    }

    [Theory]
    [InlineData("Pas d'avancée dans les négociations, selon Le Drian", true)]
    [InlineData("Pas d’avancée, d’après Paris", true)] // ’ and ' are the same apostrophe
    [InlineData("SELON LE MINISTRE, rien ne bouge", true)] // whatever the case
    [InlineData("Les déclarations se succèdent", false)] // 'déclarations' is not the cue 'déclare'
    [InlineData("Le dispositif est prêt", false)] // 'dit' inside a word is no cue
    public void Cues_are_whole_words_whatever_the_case_and_apostrophe(string sentence, bool reported) =>
        Assert.Equal(reported, Sentences(sentence, French).Count == 1);

    [Fact]
    public void A_language_without_cues_has_no_reported_speech_only_quotations() =>
        Assert.Empty(Sentences("Він сказав, що переговори тривають.", []));

    [Fact]
    public void The_site_settings_replace_a_languages_default_cues_and_name_new_languages()
    {
        var site = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!.Site;
        var custom = site with
        {
            ReportedSpeech = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("fr", ["a martelé"]).Add("uk", ["сказав"]),
        };

        Assert.Equal(French, ReportedSpeech.CuesFor(site, "fr"));
        Assert.Equal(French, ReportedSpeech.CuesFor(site, "fr-CA")); // a regional variant takes its language's list
        Assert.Equal(["a martelé"], ReportedSpeech.CuesFor(custom, "fr").ToArray());
        Assert.Equal(["сказав"], ReportedSpeech.CuesFor(custom, "uk").ToArray());
        Assert.Equal(ReportedSpeech.Defaults["en"], ReportedSpeech.CuesFor(custom, "en"));
        Assert.Empty(ReportedSpeech.CuesFor(site, "de"));
    }
}
