namespace Finsam.Samordning.Api.Features.Catalogue;

/// <summary>The insatser a party offers.</summary>
/// <param name="Party">Party code.</param>
/// <param name="Kinds">Its kinds; <c>other</c> takes a label.</param>
public sealed record PartyInterventionKinds(PartyCode Party, IReadOnlyList<InterventionKind> Kinds);

/// <summary>The catalogue of insats kinds, per party.</summary>
internal sealed class ListInterventionKinds : IEndpoint
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/catalogue/interventions",
            () => TypedResults.Ok(Enum.GetValues<PartyCode>().Select(p => new PartyInterventionKinds(p, InterventionCatalogue.For(p))).ToList()))
        .WithName("ListInterventionKinds")
        .WithTags("Catalogue")
        .WithSummary("The insats catalogue")
        .WithDescription("The insats kinds each party offers, with the codes to use when planning an insats.")
        .Produces<List<PartyInterventionKinds>>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);
}
