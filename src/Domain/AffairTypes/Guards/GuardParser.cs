using System.Globalization;

namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>
/// A recursive-descent parser for guard expressions. Precedence, loosest first: <c>or</c>, <c>and</c>, <c>not</c>,
/// comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>, <c>in</c>, <c>not in</c>, <c>is null</c>, <c>is not null</c>),
/// <c>+ -</c>, <c>* /</c>, unary minus.
/// </summary>
internal sealed class GuardParser
{
    private static readonly HashSet<string> Keywords = ["and", "or", "not", "in", "is", "null", "true", "false"];
    private readonly List<GuardToken> _tokens;
    private int _next;

    private GuardParser(List<GuardToken> tokens) => _tokens = tokens;

    public static GuardNode Parse(string text)
    {
        var parser = new GuardParser(GuardLexer.Tokenize(text));
        var node = parser.ParseOr();
        if (parser.Peek.Kind != GuardTokenKind.End)
        {
            throw new GuardSyntaxException(parser.Peek.Position, $"unexpected '{parser.Peek.Text}'");
        }

        return node;
    }

    private GuardToken Peek => _tokens[_next];

    private GuardToken Take() => _tokens[_next++];

    private bool IsWord(string word) => Peek.Kind == GuardTokenKind.Identifier && Peek.Text == word;

    private bool TakeWord(string word)
    {
        if (!IsWord(word))
        {
            return false;
        }

        _next++;
        return true;
    }

    private GuardToken Expect(GuardTokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw new GuardSyntaxException(Peek.Position, Peek.Kind == GuardTokenKind.End ? $"expected {what} at the end" : $"expected {what} but found '{Peek.Text}'");
        }

        return Take();
    }

    private GuardNode ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or"))
        {
            var position = Take().Position;
            left = new LogicalNode(position, false, left, ParseAnd());
        }

        return left;
    }

    private GuardNode ParseAnd()
    {
        var left = ParseNot();
        while (IsWord("and"))
        {
            var position = Take().Position;
            left = new LogicalNode(position, true, left, ParseNot());
        }

        return left;
    }

    private GuardNode ParseNot()
    {
        if (IsWord("not"))
        {
            var position = Take().Position;
            return new NotNode(position, ParseNot());
        }

        return ParseComparison();
    }

    private GuardNode ParseComparison()
    {
        var left = ParseAdditive();
        var position = Peek.Position;
        if (CompareOperators.IsComparison(Peek.Kind))
        {
            var op = Take().Kind;
            return new CompareNode(position, op, left, ParseAdditive());
        }

        if (TakeWord("is"))
        {
            var negated = TakeWord("not");
            if (!TakeWord("null"))
            {
                throw new GuardSyntaxException(Peek.Position, "expected 'null' after 'is'");
            }

            return new IsNullNode(position, left, negated);
        }

        if (IsWord("not") && _tokens[_next + 1] is { Kind: GuardTokenKind.Identifier, Text: "in" })
        {
            _next += 2;
            return new InNode(position, left, ParseList(), true);
        }

        return TakeWord("in") ? new InNode(position, left, ParseList(), false) : left;
    }

    private List<GuardNode> ParseList()
    {
        Expect(GuardTokenKind.LeftParen, "'(' to open the list");
        var items = new List<GuardNode> { ParseAdditive() };
        while (Peek.Kind == GuardTokenKind.Comma)
        {
            Take();
            items.Add(ParseAdditive());
        }

        Expect(GuardTokenKind.RightParen, "')' to close the list");
        return items;
    }

    private GuardNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Peek.Kind is GuardTokenKind.Plus or GuardTokenKind.Minus)
        {
            var token = Take();
            left = new ArithmeticNode(token.Position, token.Text[0], left, ParseMultiplicative());
        }

        return left;
    }

    private GuardNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Peek.Kind is GuardTokenKind.Star or GuardTokenKind.Slash)
        {
            var token = Take();
            left = new ArithmeticNode(token.Position, token.Text[0], left, ParseUnary());
        }

        return left;
    }

    private GuardNode ParseUnary()
    {
        if (Peek.Kind == GuardTokenKind.Minus)
        {
            var position = Take().Position;
            return new NegateNode(position, ParseUnary());
        }

        return ParsePrimary();
    }

    private GuardNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case GuardTokenKind.Number:
                return decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? new LiteralNode(token.Position, FieldValue.Number(number))
                    : throw new GuardSyntaxException(token.Position, $"'{token.Text}' is not a number");
            case GuardTokenKind.String:
                return new LiteralNode(token.Position, FieldValue.Text(token.Text));
            case GuardTokenKind.LeftParen:
                var inner = ParseOr();
                Expect(GuardTokenKind.RightParen, "')'");
                return inner;
            case GuardTokenKind.Identifier:
                return ParseIdentifier(token);
            default:
                throw new GuardSyntaxException(token.Position, token.Kind == GuardTokenKind.End ? "the expression ends too early" : $"unexpected '{token.Text}'");
        }
    }

    private GuardNode ParseIdentifier(GuardToken token)
    {
        switch (token.Text)
        {
            case "true": return new LiteralNode(token.Position, FieldValue.Boolean(true));
            case "false": return new LiteralNode(token.Position, FieldValue.Boolean(false));
            case "null": return new LiteralNode(token.Position, FieldValue.Null);
        }

        if (Keywords.Contains(token.Text))
        {
            throw new GuardSyntaxException(token.Position, $"unexpected '{token.Text}'");
        }

        if (Peek.Kind == GuardTokenKind.LeftParen)
        {
            Take();
            var arguments = new List<GuardNode>();
            if (Peek.Kind != GuardTokenKind.RightParen)
            {
                arguments.Add(ParseAdditive());
                while (Peek.Kind == GuardTokenKind.Comma)
                {
                    Take();
                    arguments.Add(ParseAdditive());
                }
            }

            Expect(GuardTokenKind.RightParen, "')' to close the arguments");
            return new CallNode(token.Position, token.Text, arguments);
        }

        if (Peek.Kind == GuardTokenKind.Dot)
        {
            Take();
            var member = Expect(GuardTokenKind.Identifier, "a name after '.'");
            return new NameNode(token.Position, token.Text, member.Text);
        }

        return new NameNode(token.Position, "", token.Text);
    }
}
