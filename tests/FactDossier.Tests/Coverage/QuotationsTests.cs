using FactDossier.Coverage;
using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Coverage;

public sealed class QuotationsTests
{
    private static List<string> Words(string text) => [.. Quotations.In(text, 0, text.Length).Select(q => text[q.Start..q.End])];

    [Theory]
    [InlineData("Il a dit « rien » hier.", "rien")]
    [InlineData("Il a dit “rien” hier.", "rien")]
    [InlineData("Il a dit \"rien\" hier.", "rien")]
    [InlineData("He said ‘nothing’ yesterday.", "nothing")]
    [InlineData("Er sagte „nichts“ gestern.", "nichts")]
    public void Each_kind_of_quotation_mark_makes_a_quotation(string text, string words) =>
        Assert.Equal([words], Words(text));

    [Fact]
    public void A_quotation_opened_with_one_mark_and_closed_with_another_is_one_quotation()
    {
        // Paragraph 2 of the seed: « … villes", then a second quotation « … ».
        var text = "la Russie « essaie de regrouper et maintient la pression sur Kiev et d'autres villes\", a estimé Jens Stoltenberg. « C'est pourquoi nous nous attendons à des actions », a-t-il expliqué.";

        Assert.Equal(["essaie de regrouper et maintient la pression sur Kiev et d'autres villes", "C'est pourquoi nous nous attendons à des actions"], Words(text));
    }

    [Fact]
    public void A_stray_mark_inside_a_quotation_does_not_cut_it_when_its_own_closing_mark_follows()
    {
        var text = "« rien n'a avancé\" depuis trois semaines dans les pourparlers », a déclaré le ministre.";

        Assert.Equal(["rien n'a avancé\" depuis trois semaines dans les pourparlers"], Words(text));
    }

    [Fact]
    public void A_closing_mark_with_nothing_open_is_not_a_quotation()
    {
        var text = "« Nous ne céderons rien. Nous nous battrons »\", a-t-il dit.";

        Assert.Equal(["Nous ne céderons rien. Nous nous battrons"], Words(text));
    }

    [Fact]
    public void A_quotation_inside_another_is_part_of_it()
    {
        var text = "« Il a promis de réduire \"radicalement\" son activité », selon lui.";

        Assert.Equal(["Il a promis de réduire \"radicalement\" son activité"], Words(text));
    }

    [Theory]
    [InlineData("le secrétaire général de l’Otan a parlé")]
    [InlineData("l'Otan et les “alliés d’hier")] // an opening mark never closed
    [InlineData("un pouce de 2\" et un mot")] // a straight quote inside a word or number says nothing
    public void Apostrophes_and_unclosed_marks_make_no_quotation(string text) =>
        Assert.Empty(Words(text));

    [Fact]
    public void The_words_leave_out_the_spaces_and_final_stop_inside_the_marks()
    {
        var text = "\"Les manoeuvres auront lieu avec l'assentiment des pays garants.\"";

        Assert.Equal(["Les manoeuvres auront lieu avec l'assentiment des pays garants"], Words(text));
    }

    [Fact]
    public void The_seed_articles_quotations_are_found_each_once_with_their_own_words()
    {
        var article = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!.Articles.Single();
        var raw = article.Text.Raw;

        var found = article.Text.Paragraphs.SelectMany(p => Quotations.In(raw, p.Start, p.End)).Select(q => raw[q.Start..q.End]).ToList();

        // Read off the seed by hand: every pair of marks, including « … " (paragraph 2) and « … »" (paragraph 6).
        Assert.Equal(
        [
            "d'ici une ou deux semaines",
            "les deux parties se retrouvent et s'accordent sur un cessez-le-feu durable",
            "il est impossible de négocier sous la pression des armes",
            "ne se retirent pas mais se repositionnent",
            "offensives supplémentaires",
            "Selon nos informations",
            "essaie de regrouper (ses forces) et de renforcer son offensive sur la région du Donbass et dans le même temps elle maintient la pression sur Kiev et d'autres villes",
            "C'est pourquoi nous nous attendons à des actions offensives supplémentaires qui se traduiront par encore davantage de souffrances",
            "La Russie a constamment menti",
            "radicalement",
            "La Russie a constamment menti sur ses intentions. Nous ne la jugeons que sur ses actes et pas sur ses paroles",
            "Il est évident que nous avons vu très peu de volonté de la part de la Russie de trouver une issue politique",
            "permettait de renforcer sa position à la table des négociations",
            "Nous ne croyons personne, pas une seule belle phrase",
            "Nous ne céderons rien. Nous nous battrons pour chaque mètre de notre territoire",
            "pas de retrait massif de troupes russes de ces zones",
            "réduire radicalement",
            "rien n'a avancé\" depuis trois semaines dans les pourparlers",
            "Je lis des propos, je lis des déclarations, je ne vois pas d'acte. Il n'y a à ma connaissance aucune mesure de retrait qui ait été prise à l'égard de l'occupation par les forces armées russes en Ukraine",
            "Il est possible que, vu les difficultés qu'a l'armée russe en Ukraine, des plans soient réévalués; mais il est possible aussi que cette période où on annonce des discussions plus approfondies soit une période qui soit mise à profit par la Russie pour reconstituer ses forces",
            "La confiance c'est les actes (...) et pour l'instant ils ne sont pas au rendez-vous",
            "C'est vrai qu'il y a eu un événementiel autour des négociations d'Istanbul mais les discussions ont commencé déjà depuis trois semaines (...) avec moins de côté spectaculaire. Mais pour l'instant rien n'a avancé",
            "Si nous parvenons à consolider ces dispositions essentielles, et pour nous c'est le plus fondamental, alors l'Ukraine sera en position de régler effectivement la question de son statut actuel en tant que pays hors bloc et non nucléaire sous la forme d'une neutralité permanente",
            "Nous n'accueillerons pas de bases militaires étrangères sur notre territoire, ni le déploiement de contingents militaires sur notre territoire et nous n'intégrerons pas d'alliances politico-militaires",
            "Les manoeuvres militaires sur notre territoire auront lieu avec l'assentiment des pays garants",
        ], found);
    }
}
