namespace OpenClosedDebate.Domain.Debates;

/// <summary>
/// One thing wrong with one field of a request, e.g. <c>rounds[2].voteSeconds</c>: the path is the field's place in the
/// request's JSON (camelCase names, zero-based indexes), so a form can show the message beside the field.
/// </summary>
public sealed record FieldError(string Field, string Message);
