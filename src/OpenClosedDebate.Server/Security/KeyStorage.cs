namespace OpenClosedDebate.Server.Security;

using Microsoft.AspNetCore.DataProtection;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// Keeps the keys that sign instructors' cookies where a restart doesn't lose them, so it doesn't sign everyone out: in
/// a folder (by default beside the SQLite file) for one server, or, on a PostgreSQL store, in the database, so every
/// server on it reads the same keys and an instructor signed in on one is signed in on all.
/// </summary>
internal static class KeyStorage
{
    public const string Section = "DataProtection:KeysDirectory";

    public static IServiceCollection AddPersistentKeys(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var protection = services.AddDataProtection().SetApplicationName("OpenClosedDebate");
        if (DatabaseSetup.IsPostgres(config))
        {
            protection.PersistKeysToDbContext<DebateDb>();
            return services;
        }

        var folder = config[Section] ?? Path.Combine("data", "keys");
        protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(env.ContentRootPath, folder)));
        return services;
    }
}
