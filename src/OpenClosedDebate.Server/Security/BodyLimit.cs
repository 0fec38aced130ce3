namespace OpenClosedDebate.Server.Security;

using Microsoft.AspNetCore.Http.Metadata;

/// <summary>An endpoint's own request body limit, in place of the server-wide one (see <see cref="BodyLimits"/>).</summary>
internal sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
