namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>The kinds of token the guard lexer produces.</summary>
internal enum GuardTokenKind
{
    Number,
    String,
    Identifier,
    LeftParen,
    RightParen,
    Comma,
    Dot,
    Plus,
    Minus,
    Star,
    Slash,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    End,
}

/// <summary>One token, with its 0-based position in the expression for error messages.</summary>
internal readonly record struct GuardToken(GuardTokenKind Kind, string Text, int Position);
