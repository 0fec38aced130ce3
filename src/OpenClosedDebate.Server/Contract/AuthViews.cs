namespace OpenClosedDebate.Server.Contract;

/// <summary>Sign-in body.</summary>
public sealed record Credentials(string? Email, string? Password);

/// <summary>The signed-in instructor.</summary>
public sealed record Instructor(Guid Id, string Email);

/// <summary>Whether the first instructor still has to be created.</summary>
public sealed record SetupStatus(bool Needed);

/// <summary>Creates the first instructor with the one-time token from the server's log.</summary>
public sealed record SetupRequest(string? Token, string? Email, string? Password);
