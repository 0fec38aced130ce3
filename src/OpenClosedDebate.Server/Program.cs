using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Debates;
using OpenClosedDebate.Server.Hosting;
using OpenClosedDebate.Server.Hubs;
using OpenClosedDebate.Server.Logs;
using OpenClosedDebate.Server.Network;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.RateLimiting;
using OpenClosedDebate.Server.RoomHosts;
using OpenClosedDebate.Server.Rooms;
using OpenClosedDebate.Server.Security;
using OpenClosedDebate.Server.Transcripts;
using OpenClosedDebate.Server.Words;
using Serilog;

// A verb's words and its settings may come in any order; the verb gets the settings as the server would.
var command = CommandLine.Parse(args);
if (HealthProbe.IsCommand(command))
{
    return await HealthProbe.RunAsync(command);
}

var cli = InstructorCli.IsCommand(command);
if (cli && await InstructorCli.RefuseAsync(command, Console.Error) is { } refused)
{
    return refused;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = cli ? command.Settings : args,
    ContentRootPath = ContentRoot.Find(),
});

// Values from requests (paths, headers, names) are cut short before they reach any sink.
var logLimits = builder.Configuration.GetSection(LogOptions.Section).Get<LogOptions>() ?? new LogOptions();

// Each host gets its own logger (the static Log.Logger is left alone), so hosts in one process don't share sinks.
builder.Services.AddSerilog(
    (services, log) => log
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .Enrich.With(new TruncatingEnricher(logLimits.MaxValueLength))

        // SignalR logs every HubException at Error, with a stack trace, as "Failed to invoke hub method".
        // Those are refusals sent to the client on purpose (HubErrorFilter logs their codes at Debug);
        // logging each one would cost a flood's worth of disk and could quote a student's name.
        .Filter.ByExcluding(e => e.Exception is HubException)

        // Kestrel logs every connection it refuses at its limit; ConnectionMonitor logs them once per interval instead.
        .Filter.ByExcluding(e => e.Properties.TryGetValue("EventId", out var id) && id is Serilog.Events.StructureValue s
            && s.Properties.Any(p => p.Name == "Name" && p.Value is Serilog.Events.ScalarValue { Value: "ConnectionRejected" })),
    preserveStaticLogger: true);

builder.Services.AddOptions<PersistenceOptions>().BindConfiguration(PersistenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<RoomOptions>().BindConfiguration(RoomOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<LogOptions>().BindConfiguration(LogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<ConnectionLimitOptions>().BindConfiguration(ConnectionLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<ConnectionLimits>();
builder.Services.AddSingleton<ConnectionMonitor>();
builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>, ConnectionLimits>((kestrel, limits, connections) =>
{
    kestrel.Limits.MaxRequestBodySize = limits.Value.RequestBodyBytes;
    kestrel.Limits.MaxConcurrentConnections = connections.Http;
    kestrel.Limits.MaxConcurrentUpgradedConnections = connections.Upgraded;
});
builder.Services.AddOptions<ConnectionBufferOptions>().BindConfiguration(ConnectionBufferOptions.Section).ValidateDataAnnotations().ValidateOnStart();

// Accepted sockets take the listening socket's send buffer, so a client that stops reading fills it in
// kilobytes instead of the megabytes the kernel would grow it to, and the send timeout then drops it.
builder.Services.AddOptions<SocketTransportOptions>().Configure<IOptions<ConnectionBufferOptions>>((sockets, buffers) =>
    sockets.CreateBoundListenSocket = endpoint =>
    {
        var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
        socket.SendBufferSize = buffers.Value.SocketSendBufferBytes;
        return socket;
    });
PublicUrlOptions.Add(builder.Services);
ProxyOptions.Add(builder.Services);
builder.Services.AddSingleton<JoinAddresses>();
builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDebateDatabase(builder.Configuration, builder.Environment);
builder.Services.AddHostedService<MigrateOnStart>();
builder.Services.AddSingleton<EventWriter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<EventWriter>());
builder.Services.AddSingleton<StudentBench>();
builder.Services.AddWordFilter();
builder.Services.AddSingleton<RoomServices>();
// The REST reference, generated from the endpoints themselves: GET /api/openapi/v1.json.
builder.Services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
// Rooms reach clients through the debate hub's clients and groups, not the hub type, so they don't depend on the hub.
builder.Services.AddSingleton(sp => sp.GetRequiredService<IHubContext<DebateHub, IDebateClient>>().Clients);
builder.Services.AddSingleton(sp => sp.GetRequiredService<IHubContext<DebateHub, IDebateClient>>().Groups);
builder.AddRoomHosts();
builder.Services.AddSingleton<InstructorAccounts>();
builder.Services.AddSingleton<SetupLink>();
builder.Services.AddHostedService<StartupTasks>();
builder.Services.AddHostedService<RetentionJob>();

builder.Services.AddAllowedHostsDefaults(builder.Configuration);
builder.Services.AddPersistentKeys(builder.Configuration, builder.Environment);
builder.Services.AddInstructorAuth();
builder.Services.AddSingleton<RefusalLog>();
builder.Services.AddSingleton<HubErrorFilter>();
builder.Services.AddSingleton<FloodFilter>();
builder.Services.AddSingleton<InstructorOnlyFilter>();
builder.Services.AddSingleton<MissingArgumentFilter>();
builder.Services.AddSingleton<CodeLookups>();
builder.Services.AddSignalR(o =>
    {
        // Outermost first: refusals are turned into coded errors; then rate limits, which count every refusal
        // made inside them; then who may call; then the arguments.
        o.AddFilter<HubErrorFilter>();
        o.AddFilter<FloodFilter>();
        o.AddFilter<InstructorOnlyFilter>();
        o.AddFilter<MissingArgumentFilter>();
        // The longest text a rule allows (1,000 characters of at most four UTF-16 units, JSON-escaped) fits.
        o.MaximumReceiveMessageSize = 64 * 1024;
    })
    .AddJsonProtocol(o => WireJson.Apply(o.PayloadSerializerOptions));
builder.Services.ConfigureHttpJsonOptions(o => WireJson.Apply(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddHealthChecks().AddDbContextCheck<DebateDb>().AddCheck<ConnectionMonitor>("connections");

var app = builder.Build();

if (cli)
{
    return await InstructorCli.RunAsync(app.Services, command, Console.In, Console.Out, Console.Error);
}

// Listening to Kestrel's connection metrics from the start, before the first connection comes.
app.Services.GetRequiredService<ConnectionMonitor>();

// Behind a proxy named in Proxy:KnownProxies, the client's address and scheme are the proxy's word for them, for
// everything after this: the logs, the limits, the cookies.
ProxyOptions.Use(app);

// Request logging sits outside the exception handler, so it logs the status the client got (a refusal
// turned into a 404 is logged as a 404, without a stack trace).
// Refusals (4xx) and page or file loads are logged at Debug: anyone can send them as fast as they like,
// and the refusals worth knowing about are logged, sampled, by RefusalLog.
app.UseSerilogRequestLogging(o =>
{
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    o.GetLevel = (http, _, exception) => exception is not null || http.Response.StatusCode >= 500
        ? Serilog.Events.LogEventLevel.Error
        : http.Response.StatusCode >= 400 || !(http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs"))
            ? Serilog.Events.LogEventLevel.Debug
            : Serilog.Events.LogEventLevel.Information;
});
app.UseExceptionHandler();
app.UseSecurityHeaders("/api");
app.UseHsts();
app.UseClientFiles();
app.UseHubOriginCheck("/hubs");
ConnectionMonitor.UseWebSocketLimit(app, "/hubs");
app.UseCrossSiteCheck("/api");
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

// Last before the endpoint, so a request refused earlier (rate limited, not signed in) is drained under
// the server-wide limit and its connection kept, and only a body the endpoint will read meets its own.
app.UseBodyLimits();

app.MapHealthChecks("/healthz");
app.MapAuthApi();
app.MapDebatesApi();
app.MapTranscriptsApi();
app.MapJoinAddressApi();
app.MapOpenApi(ApiDocument.Route);
app.MapApiReference();
app.MapHub<DebateHub>("/hubs/debate", o =>
{
    // A client that stops reading its socket is dropped once a send has waited this long, which bounds
    // what the server holds for it; until then its sends queue behind its own, and nobody else's.
    o.TransportSendTimeout = app.Services.GetRequiredService<IOptions<RoomOptions>>().Value.SlowClientTimeout;
    var buffers = app.Services.GetRequiredService<IOptions<ConnectionBufferOptions>>().Value;
    o.TransportMaxBufferSize = buffers.HubSendBufferBytes;
    o.ApplicationMaxBufferSize = buffers.HubReceiveBufferBytes;
});
app.MapClientPages();

await app.RunAsync();
return 0;
