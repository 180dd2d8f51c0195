using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>
/// A TCP relay between a client and a server on loopback, to take a client's connections away the two ways a host can
/// vanish: <see cref="Reset"/> as when its process is killed (the kernel resets its connections at once), and
/// <see cref="Silence"/> as when its machine or network goes (nothing more arrives, nothing says so).
/// </summary>
internal sealed class TcpRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly ConcurrentBag<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _silent;

    public TcpRelay(Uri server)
    {
        _server = new IPEndPoint(IPAddress.Parse(server.Host), server.Port);
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    /// <summary>The relay's own port, for the client's URL.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Resets every connection (RST), as the kernel does for a killed process.</summary>
    public void Reset()
    {
        foreach (var socket in _sockets)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>From now on drops everything in both directions and keeps the connections open.</summary>
    public void Silence() => _silent = true;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        Reset();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await server.ConnectAsync(_server);
            _sockets.Add(client);
            _sockets.Add(server);
            _ = Task.Run(() => PumpAsync(client, server));
            _ = Task.Run(() => PumpAsync(server, client));
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, _stop.Token);
                if (read == 0 && _silent)
                {
                    // A vanished peer says nothing, not even that it closed.
                    return;
                }

                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (!_silent)
                {
                    await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Either side went away or the relay stopped: the other side is reset with it, unless the peer is to vanish in silence.
            if (_silent && !_stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                to.LingerState = new LingerOption(true, 0);
                to.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
