using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Debates;
using OpenClosedDebate.Server.Hosting;
using OpenClosedDebate.Server.Hubs;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;
using OpenClosedDebate.Server.Security;
using OpenClosedDebate.Server.Transcripts;
using Serilog;

if (HealthProbe.IsCommand(args))
{
    return await HealthProbe.RunAsync(args);
}

var cli = InstructorCli.IsCommand(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = cli ? [] : args,
    ContentRootPath = ContentRoot.Find(),
});

// Each host gets its own logger (the static Log.Logger is left alone), so hosts in one process don't share sinks.
builder.Services.AddSerilog(
    (services, log) => log
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()

        // SignalR logs every HubException at Error, with a stack trace, as "Failed to invoke hub method".
        // Those are refusals sent to the client on purpose (HubErrorFilter logs their codes at Debug);
        // logging each one would cost a flood's worth of disk and could quote a student's name.
        .Filter.ByExcluding(e => e.Exception is HubException),
    preserveStaticLogger: true);

builder.Services.AddOptions<PersistenceOptions>().BindConfiguration(PersistenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<RoomOptions>().BindConfiguration(RoomOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDebateDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSingleton<EventWriter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<EventWriter>());
builder.Services.AddSingleton<RoomServices>();
builder.Services.AddSingleton<RoomRegistry>();
builder.Services.AddSingleton<InstructorAccounts>();
builder.Services.AddSingleton<SetupLink>();
builder.Services.AddHostedService<StartupTasks>();
builder.Services.AddHostedService<RetentionJob>();

builder.Services.AddPersistentKeys(builder.Configuration, builder.Environment);
builder.Services.AddInstructorAuth();
builder.Services.AddSingleton<HubErrorFilter>();
builder.Services.AddSingleton<FloodFilter>();
builder.Services.AddSignalR(o =>
    {
        o.AddFilter<HubErrorFilter>();
        o.AddFilter<FloodFilter>();
        // The longest text a rule allows (1,000 characters of at most four UTF-16 units, JSON-escaped) fits.
        o.MaximumReceiveMessageSize = 64 * 1024;
    })
    .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddHealthChecks().AddDbContextCheck<DebateDb>();

var app = builder.Build();

if (cli)
{
    return await InstructorCli.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

// Request logging sits outside the exception handler, so it logs the status the client got (a refusal
// turned into a 404 is logged as a 404, without a stack trace).
app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseExceptionHandler();
app.UseSecurityHeaders("/api");
app.UseHsts();
app.UseClientFiles();
app.UseHubOriginCheck("/hubs");
app.UseCrossSiteCheck("/api");
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz");
app.MapAuthApi();
app.MapDebatesApi();
app.MapTranscriptsApi();
app.MapHub<DebateHub>("/hubs/debate", o =>
{
    // A client that stops reading its socket is dropped once a send has waited this long, which bounds
    // what the server holds for it; until then its sends queue behind its own, and nobody else's.
    o.TransportSendTimeout = app.Services.GetRequiredService<IOptions<RoomOptions>>().Value.SlowClientTimeout;
});
app.MapClientPages();

await app.RunAsync();
return 0;
