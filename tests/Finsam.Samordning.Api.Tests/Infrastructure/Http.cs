using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Finsam.Samordning.Api.Infrastructure.Errors;

namespace Finsam.Samordning.Api.Tests.Infrastructure;

/// <summary>JSON helpers with the API's own conventions.</summary>
public static class Http
{
    /// <summary>The API's serializer options.</summary>
    public static readonly JsonSerializerOptions Json = Create();

    /// <summary>POSTs JSON, optionally with an Idempotency-Key and If-Match.</summary>
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body,
        string? idempotencyKey = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>Reads the body as a JSON object.</summary>
    public static async Task<JsonObject> Object(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Reads the body as a JSON array.</summary>
    public static async Task<JsonArray> Array(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

    /// <summary>Reads the body as T.</summary>
    public static async Task<T> Read<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        ErrorsSetup.ConfigureJson(options);
        return options;
    }
}
