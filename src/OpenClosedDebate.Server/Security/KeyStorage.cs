namespace OpenClosedDebate.Server.Security;

using Microsoft.AspNetCore.DataProtection;

/// <summary>
/// Keeps the keys that sign instructors' cookies in a folder (by default beside the database), so a
/// restart doesn't sign everyone out.
/// </summary>
internal static class KeyStorage
{
    public const string Section = "DataProtection:KeysDirectory";

    public static IServiceCollection AddPersistentKeys(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var folder = config[Section] ?? Path.Combine("data", "keys");
        services.AddDataProtection()
            .SetApplicationName("OpenClosedDebate")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(env.ContentRootPath, folder)));
        return services;
    }
}
