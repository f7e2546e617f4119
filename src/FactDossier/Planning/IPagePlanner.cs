namespace FactDossier.Planning;

/// <summary>Plans one family of pages (home, claims, articles…) from the shared context.</summary>
public interface IPagePlanner
{
    IEnumerable<PagePlan> Plan(PlanningContext context);
}
