namespace Finsam.Samordning.Domain.Cases;

/// <summary>
/// A rule of the domain refuses the command (e.g. starting a completed insats). The API answers
/// 409 with <see cref="Code"/> and the message, which names the current state.
/// </summary>
public sealed class CaseRuleViolation(string code, string message) : Exception(message)
{
    /// <summary>Stable machine-readable code of the rule, e.g. <c>case.already-open</c>.</summary>
    public string Code { get; } = code;
}
