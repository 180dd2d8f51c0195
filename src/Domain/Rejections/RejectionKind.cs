namespace Affairs.Domain.Rejections;

/// <summary>Why a command was refused; the HTTP layer maps each kind to one status code.</summary>
public enum RejectionKind
{
    /// <summary>The input is invalid (400); every problem is listed.</summary>
    Validation,

    /// <summary>Something named does not exist (404).</summary>
    NotFound,

    /// <summary>The target changed meanwhile or already exists (409); the current revision is given.</summary>
    Conflict,

    /// <summary>The command is valid but not allowed in the current state (422); the permitted alternatives are given.</summary>
    NotPermitted,

    /// <summary>The actor may not do this (403); the reason is given.</summary>
    Forbidden,
}
