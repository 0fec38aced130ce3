namespace OpenClosedDebate.Browser.Tests;

/// <summary>The server listening on every IPv4 interface, as `--urls http://0.0.0.0:5080` makes it, for a class on the network.</summary>
public sealed class NetworkWebServer() : WebServer(System.Net.IPAddress.Any);
