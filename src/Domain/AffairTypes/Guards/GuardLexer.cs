namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>Splits a guard expression into tokens.</summary>
internal static class GuardLexer
{
    public static List<GuardToken> Tokenize(string text)
    {
        var tokens = new List<GuardToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ReadWhile(text, i, ch => char.IsAsciiDigit(ch) || ch == '.', GuardTokenKind.Number, tokens);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                i = ReadWhile(text, i, ch => char.IsAsciiLetterOrDigit(ch) || ch == '_', GuardTokenKind.Identifier, tokens);
            }
            else if (c is '\'' or '"')
            {
                i = ReadString(text, i, tokens);
            }
            else
            {
                i = ReadOperator(text, i, tokens);
            }
        }

        tokens.Add(new GuardToken(GuardTokenKind.End, "", text.Length));
        return tokens;
    }

    private static int ReadWhile(string text, int start, Func<char, bool> part, GuardTokenKind kind, List<GuardToken> tokens)
    {
        var end = start;
        while (end < text.Length && part(text[end]))
        {
            end++;
        }

        tokens.Add(new GuardToken(kind, text[start..end], start));
        return end;
    }

    private static int ReadString(string text, int start, List<GuardToken> tokens)
    {
        var quote = text[start];
        var end = text.IndexOf(quote, start + 1);
        if (end < 0)
        {
            throw new GuardSyntaxException(start, "the text literal is not closed");
        }

        tokens.Add(new GuardToken(GuardTokenKind.String, text[(start + 1)..end], start));
        return end + 1;
    }

    private static int ReadOperator(string text, int i, List<GuardToken> tokens)
    {
        var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
        GuardTokenKind? pair = two switch
        {
            "==" => GuardTokenKind.Equal,
            "!=" => GuardTokenKind.NotEqual,
            "<=" => GuardTokenKind.LessOrEqual,
            ">=" => GuardTokenKind.GreaterOrEqual,
            _ => null,
        };
        if (pair is { } kind2)
        {
            tokens.Add(new GuardToken(kind2, two, i));
            return i + 2;
        }

        GuardTokenKind kind = text[i] switch
        {
            '(' => GuardTokenKind.LeftParen,
            ')' => GuardTokenKind.RightParen,
            ',' => GuardTokenKind.Comma,
            '.' => GuardTokenKind.Dot,
            '+' => GuardTokenKind.Plus,
            '-' => GuardTokenKind.Minus,
            '*' => GuardTokenKind.Star,
            '/' => GuardTokenKind.Slash,
            '<' => GuardTokenKind.Less,
            '>' => GuardTokenKind.Greater,
            '=' => throw new GuardSyntaxException(i, "'=' is not an operator; compare with '=='"),
            _ => throw new GuardSyntaxException(i, $"unexpected character '{text[i]}'"),
        };
        tokens.Add(new GuardToken(kind, text[i].ToString(), i));
        return i + 1;
    }
}
