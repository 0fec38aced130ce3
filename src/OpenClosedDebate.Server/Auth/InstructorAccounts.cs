namespace OpenClosedDebate.Server.Auth;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Server.Persistence;

/// <summary>Instructor accounts: e-mail and a password hashed by ASP.NET Core's <see cref="PasswordHasher{TUser}"/>.</summary>
internal sealed class InstructorAccounts(IDbContextFactory<DebateDb> dbs, TimeProvider time)
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 256;
    public const int MaxEmailLength = 254;

    private static readonly PasswordHasher<InstructorRecord> Hasher = new();

    // Verifying against this when the e-mail is unknown keeps the time of a failed sign-in the same
    // whether or not the account exists.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, "decoy password that never matches");

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Instructors.AnyAsync(ct);
    }

    /// <summary>Creates an account, or throws <see cref="AccountException"/> saying what is wrong.</summary>
    public async Task<InstructorRecord> CreateAsync(string? email, string? password, CancellationToken ct = default)
    {
        var clean = Validate(email, password);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var normalized = clean.ToUpperInvariant();
        if (await db.Instructors.AnyAsync(i => i.NormalizedEmail == normalized, ct))
        {
            throw new AccountException($"An instructor with the e-mail {clean} already exists.");
        }

        var record = new InstructorRecord
        {
            Id = Guid.NewGuid(),
            Email = clean,
            NormalizedEmail = normalized,
            PasswordHash = string.Empty,
            CreatedAt = time.GetUtcNow(),
        };
        record.PasswordHash = Hasher.HashPassword(record, password!);
        db.Instructors.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The account if the password matches, else null.</summary>
    public async Task<InstructorRecord?> VerifyAsync(string? email, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength || email.Length > MaxEmailLength)
        {
            return null;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var normalized = email.Trim().ToUpperInvariant();
        var record = await db.Instructors.AsNoTracking().FirstOrDefaultAsync(i => i.NormalizedEmail == normalized, ct);
        var result = Hasher.VerifyHashedPassword(record!, record?.PasswordHash ?? DecoyHash, password);
        return record is not null && result != PasswordVerificationResult.Failed ? record : null;
    }

    /// <summary>Checks an e-mail and password for a new account; returns the cleaned e-mail.</summary>
    public static string Validate(string? email, string? password)
    {
        var clean = CheckEmail(email);
        CheckPassword(password);
        return clean;
    }

    private static string CheckEmail(string? email)
    {
        var clean = email?.Trim() ?? string.Empty;
        var at = clean.IndexOf('@', StringComparison.Ordinal);
        if (clean.Length is 0 or > MaxEmailLength || at <= 0 || at == clean.Length - 1 || clean.Any(char.IsWhiteSpace))
        {
            throw new AccountException("Enter a valid e-mail address.");
        }

        return clean;
    }

    private static void CheckPassword(string? password)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            throw new AccountException($"A password needs {MinPasswordLength} to {MaxPasswordLength} characters.");
        }
    }
}

/// <summary>An account can't be created as asked; the message says why.</summary>
internal sealed class AccountException(string message) : Exception(message);
