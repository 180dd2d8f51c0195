namespace Affairs.Domain.AffairTypes;

/// <summary>Whom a case of an affair type is about.</summary>
public enum SubjectKind
{
    /// <summary>One resident (a retiree, an enrolling person).</summary>
    Person,

    /// <summary>A household as a whole (dibao is granted per household).</summary>
    Household,
}
