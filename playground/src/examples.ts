/** The examples gallery: realistic mappings with a sample user each. */
export interface Example {
  readonly title: string;
  readonly expression: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

export const examples: readonly Example[] = [
  {
    title: "UPN from first and last name",
    expression:
      'Join("@", NormalizeDiacritics(StripSpaces(Join(".", [givenName], [surname]))), "contoso.com")',
    attributes: { givenName: "Zoë", surname: "Van der Berg" },
  },
  {
    title: "Unique UPN candidates (SelectUniqueValue)",
    expression:
      'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [givenName], [surname]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([givenName], 1, 1), [surname]))), "contoso.com"))',
    attributes: { givenName: "José", surname: "García López" },
  },
  {
    title: "Phone normalisation (Replace with a regex)",
    expression: 'Replace([telephoneNumber], , "[()\\\\s-]+", , "", , )',
    attributes: { telephoneNumber: "+1 (425) 555-0100" },
  },
  {
    title: "Workday hire date to AD format",
    expression: 'FormatDateTime([StatusHireDate], , "yyyy-MM-ddzzz", "yyyyMMddHHmmss.fZ")',
    attributes: { StatusHireDate: "2026-03-01-08:00" },
  },
  {
    title: "Role mapping with Switch",
    expression: 'Switch([jobCode], "Employee", "1001", "Engineer", "1002", "Manager", "2001", "Director")',
    attributes: { jobCode: "1002" },
  },
  {
    title: "Scoping by department",
    expression: 'IIF(InStr([department], "Sales", 1, vbTextCompare) > 0, "True", "False")',
    attributes: { department: "EMEA sales" },
  },
  {
    title: "Skip an empty manager",
    expression: "IgnoreFlowIfNullOrEmpty([manager])",
    attributes: { manager: "" },
  },
  {
    title: "Display name with a fallback",
    expression: 'IIF(IsPresent([displayName]), [displayName], Join(" ", [givenName], [surname]))',
    attributes: { givenName: "Ada", surname: "Lovelace" },
  },
  {
    title: "Proxy addresses (multi-valued)",
    expression:
      'Split(Join(",", Join("", "SMTP:", [mail]), Join("", "smtp:", [mailNickname], "@contoso.onmicrosoft.com")), ",")',
    attributes: { mail: "ada@contoso.com", mailNickname: "ada" },
  },
  {
    title: "Initial password",
    expression: "RandomString(16, 2, 2, 2, 2)",
    attributes: {},
  },
];
