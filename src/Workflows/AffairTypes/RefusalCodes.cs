namespace Affairs.Workflows.AffairTypes;

/// <summary>The stable codes of <see cref="TriggerRefusal"/>; clients may switch on them.</summary>
public static class RefusalCodes
{
    /// <summary>The affair type has no such trigger.</summary>
    public const string UnknownTrigger = "unknown-trigger";

    /// <summary>The case has ended; nothing can be fired.</summary>
    public const string TerminalState = "terminal-state";

    /// <summary>The trigger exists but not in the current state.</summary>
    public const string WrongState = "wrong-state";

    /// <summary>The actor holds none of the roles the transition allows.</summary>
    public const string RoleNotAllowed = "role-not-allowed";

    /// <summary>The guard is false on the case data, actor, parameters and decision time.</summary>
    public const string GuardFalse = "guard-false";

    /// <summary>The guard could not be evaluated (a parameter with no value, a division by zero).</summary>
    public const string GuardError = "guard-error";

    /// <summary>The transition requires a reason and none was given.</summary>
    public const string ReasonRequired = "reason-required";

    /// <summary>The actor tried to set a field the transition does not set.</summary>
    public const string FieldNotSettable = "field-not-settable";

    /// <summary>A field required from the destination state has no value.</summary>
    public const string MissingField = "missing-field";

    /// <summary>A material required from the destination state is not attached.</summary>
    public const string MissingMaterial = "missing-material";

    /// <summary>The transition may be fired once per case, and it was.</summary>
    public const string AlreadyFired = "already-fired";

    /// <summary>The clock has been extended as often as allowed.</summary>
    public const string ExtensionExhausted = "extension-exhausted";
}
