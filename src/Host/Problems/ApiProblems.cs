using Affairs.Domain.Rejections;
using Affairs.Workflows.AffairTypes;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.Problems;

/// <summary>RFC 9457 problem+json answers, each with a stable <c>code</c>.</summary>
internal static class ApiProblems
{
    public static IResult Create(int status, string code, string title, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>An engine refusal: 400 with every field error, 404, 409 with the current revision, 422 with the permitted triggers, 403 with the reason.</summary>
    public static IResult From(CommandRejectedException rejection)
    {
        var (status, title) = Describe(rejection);
        return Create(status, rejection.Code, title, rejection.Message, rejection.Details);
    }

    /// <summary>The status and title of an engine refusal, the same for the API's problems and the console's pages.</summary>
    public static (int Status, string Title) Describe(CommandRejectedException rejection) =>
        rejection.Kind switch
        {
            RejectionKind.Validation when rejection.Code == AffairTypeCatalog.InvalidCode => (StatusCodes.Status400BadRequest, "The affair type definition is invalid"),
            RejectionKind.Validation => (StatusCodes.Status400BadRequest, "The request has invalid fields"),
            RejectionKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            RejectionKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            RejectionKind.NotPermitted => (StatusCodes.Status422UnprocessableEntity, "Not permitted now"),
            _ => (StatusCodes.Status403Forbidden, "Forbidden"),
        };

    private static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
    };
}
