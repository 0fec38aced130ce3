namespace OpenClosedDebate.Server.Hosting;

using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// <c>instructor add EMAIL</c>: creates an instructor account from the command line. The password
/// comes from the OCD_INSTRUCTOR_PASSWORD environment variable, or else the first line of stdin.
/// Settings (the database above all) come as the server's do, and may stand anywhere on the line.
/// </summary>
internal static class InstructorCli
{
    public const string PasswordVariable = "OCD_INSTRUCTOR_PASSWORD";

    public const string Usage =
        "Usage: instructor add EMAIL [--Setting=value ...]   (password from $" + PasswordVariable + " or the first line of stdin; "
        + "settings as for the server, e.g. --ConnectionStrings:Debates=\"Data Source=data/openclosed.db\")";

    public static bool IsCommand(CommandLine command) => command.Is("instructor");

    /// <summary>A command line the verb can't run, said before any host is built: its settings may be what is wrong.</summary>
    public static async Task<int?> RefuseAsync(CommandLine command, TextWriter stderr)
    {
        if (command.Error is null && command.Words is ["instructor", "add", _])
        {
            return null;
        }

        if (command.Error is { } error)
        {
            await stderr.WriteLineAsync(error);
        }

        await stderr.WriteLineAsync(Usage);
        return 2;
    }

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine command, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (await RefuseAsync(command, stderr) is { } refused)
        {
            return refused;
        }

        var email = command.Words[2];

        await DatabaseSetup.MigrateAsync(services);
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected)
            {
                await stdout.WriteAsync("Password: ");
            }

            password = await stdin.ReadLineAsync();
        }

        try
        {
            var account = await services.GetRequiredService<InstructorAccounts>().CreateAsync(email, password);
            await stdout.WriteLineAsync($"Created instructor {account.Email}. Sign in at /instructor.");
            return 0;
        }
        catch (AccountException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
