using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Finsam.Samordning.Api.Tests.Webhooks;

/// <summary>A real HTTP receiver on a free loopback port, started by the test; it can go down and come back on the same address.</summary>
public sealed class Receiver : IDisposable
{
    private readonly int _port = FreePort();
    private HttpListener? _listener;

    /// <summary>What arrived, in order.</summary>
    public ConcurrentQueue<(Dictionary<string, string> Headers, string Body)> Received { get; } = new();

    /// <summary>The address to register.</summary>
    public string Url => $"http://127.0.0.1:{_port}/hooks/";

    /// <summary>Starts listening (again).</summary>
    public void Start()
    {
        _listener = new HttpListener();
        _listener.Prefixes.Add(Url);
        _listener.Start();
        var listener = _listener;
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                Received.Enqueue((context.Request.Headers.AllKeys.ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!), body));
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });
    }

    /// <summary>Goes down: connections are refused.</summary>
    public void Stop()
    {
        _listener?.Close();
        _listener = null;
    }

    /// <summary>Waits, bounded, until <paramref name="count"/> requests have arrived (waiting on a real receiver is not a time rule).</summary>
    public async Task<bool> WaitFor(int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return Received.Count >= count;
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private static int FreePort()
    {
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }
}
