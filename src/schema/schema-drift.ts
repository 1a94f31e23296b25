/**
 * Compares the schema the code builds with the committed `schema.graphql`, line by line, so a
 * failing check says which lines moved rather than only that something did.
 */
export interface SchemaDrift {
  readonly missingFromFile: string[];
  readonly missingFromCode: string[];
}

export function schemaDrift(fromCode: string, committed: string): SchemaDrift | null {
  if (fromCode === committed) return null;
  const codeLines = fromCode.split('\n');
  const fileLines = committed.split('\n');
  const inFile = new Set(fileLines);
  const inCode = new Set(codeLines);
  return {
    missingFromFile: codeLines.filter((l) => !inFile.has(l)),
    missingFromCode: fileLines.filter((l) => !inCode.has(l)),
  };
}
