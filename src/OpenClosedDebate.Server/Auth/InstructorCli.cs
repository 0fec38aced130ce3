namespace OpenClosedDebate.Server.Auth;

using OpenClosedDebate.Server.Persistence;

/// <summary>
/// <c>instructor add EMAIL</c>: creates an instructor account from the command line. The password
/// comes from the OCD_INSTRUCTOR_PASSWORD environment variable, or else the first line of stdin.
/// </summary>
internal static class InstructorCli
{
    public const string PasswordVariable = "OCD_INSTRUCTOR_PASSWORD";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "instructor";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["instructor", "add", var email])
        {
            await stderr.WriteLineAsync("Usage: instructor add EMAIL   (password from $" + PasswordVariable + " or the first line of stdin)");
            return 2;
        }

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
