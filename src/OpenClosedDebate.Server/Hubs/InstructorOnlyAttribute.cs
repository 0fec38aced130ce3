namespace OpenClosedDebate.Server.Hubs;

/// <summary>
/// A hub method only a signed-in instructor may call. <see cref="InstructorOnlyFilter"/> checks it, so the refusal
/// carries a code like every other (SignalR's own <c>[Authorize]</c> answers before any filter, with no code).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class InstructorOnlyAttribute : Attribute;
