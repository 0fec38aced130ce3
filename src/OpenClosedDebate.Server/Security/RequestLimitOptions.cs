namespace OpenClosedDebate.Server.Security;

using System.ComponentModel.DataAnnotations;

/// <summary>
/// How big a REST request body may be, checked before it is read. Anonymous endpoints get the
/// smallest bodies; only an instructor can send a plan.
/// </summary>
internal sealed class RequestLimitOptions
{
    public const string Section = "Limits";

    /// <summary>Any REST body not covered below.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int RequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Sign-in and setup bodies: an e-mail address, a password and a token.</summary>
    [Range(512, 1024 * 1024)]
    public int SignInBodyBytes { get; set; } = 4 * 1024;

    /// <summary>
    /// A debate's plan (create, edit). The longest plan the rules allow is about 170 KB of JSON in
    /// a Latin script and about 500 KB in a script of three-byte characters.
    /// </summary>
    [Range(16 * 1024, 64 * 1024 * 1024)]
    public int PlanBodyBytes { get; set; } = 1024 * 1024;
}
