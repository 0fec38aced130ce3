namespace OpenClosedDebate.Server.Tests;

using System.Net;
using Microsoft.EntityFrameworkCore;

/// <summary>Each store's migrations make exactly the model, and what servers on one PostgreSQL store share.</summary>
public sealed class StoreTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task A_started_server_has_applied_every_migration_and_they_make_the_model_the_code_has(string store)
    {
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using var server = stored.Server();
        _ = server.Services;

        await using var db = server.OpenDatabase();

        Assert.Equal(store == TestStore.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration makes: add one for each store (docs/testing.md)");
    }

    [Fact]
    public async Task A_server_whose_test_names_no_store_keeps_its_debates_in_the_runs_default_store()
    {
        await using var server = new DebateServer();
        _ = server.Services;
        await using var db = server.OpenDatabase();

        Assert.Equal(TestStore.Default == TestStore.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Equal(TestStore.Default == TestStore.Sqlite, File.Exists(server.DatabaseFile));
    }

    [Fact]
    public async Task An_instructor_signed_in_on_one_server_is_signed_in_on_every_server_of_the_same_PostgreSQL_store()
    {
        using var stored = await TestStore.CreateAsync(TestStore.Postgres, postgres);
        await using var first = stored.Server();
        await using var second = stored.Server();
        _ = (first.Services, second.Services);

        var onFirst = await first.TeacherAsync();
        var onSecond = await second.SignInAsync("teacher@example.edu", "correct horse battery");

        foreach (var (cookie, other) in new[] { (onFirst.Cookie, second), (onSecond.Cookie, first) })
        {
            using var http = other.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.Add("Cookie", cookie);
            using var me = await http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        await using var db = first.OpenDatabase();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
    }
}
