/**
 * Reading the user directory's CSV import: RFC 4180 records (quoted fields may hold commas,
 * doubled quotes and line breaks; CRLF or LF), a header naming the columns in any order and any
 * case, blank lines skipped. Spreadsheet exports are the usual source, so the reader is lenient
 * where Excel and Numbers are (a UTF-8 byte order mark, a stray quote inside an unquoted field,
 * columns Homeroom does not know, trailing empty cells) and strict only where guessing could
 * create the wrong users: a quote left open, a missing required column, a column named twice.
 */
import { badInput } from '../../errors.js';

/** The columns an import file must have; header names match these whatever their case. */
export const USER_CSV_COLUMNS = ['username', 'displayName', 'role', 'password'] as const;
export type UserCsvColumn = (typeof USER_CSV_COLUMNS)[number];

/** Most data rows one import may hold; beyond it the file is refused and nothing is created. */
export const MAX_IMPORT_ROWS = 50_000;

/** One data row: its 1-based number among the data rows (header and blank lines not counted) and its cells. */
export interface UserCsvRow {
  readonly row: number;
  /** The required columns' cells, as written (not trimmed); `undefined` when the row is too short to have one. */
  readonly cells: Readonly<Record<UserCsvColumn, string | undefined>>;
  /** Set when the row has more non-empty cells than the header has columns. */
  readonly extraCells: boolean;
}

/** A CSV text as records of fields, with the line each record starts on (for messages). */
function* records(text: string): Generator<{ fields: string[]; line: number }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quotedRecord = false;
    for (;;) {
      const c = text[i];
      if (c === '"' && field === '') {
        quotedRecord = true;
        // A quoted field: up to the quote that is not doubled.
        i++;
        for (;;) {
          if (i >= text.length) throw badInput('csv', `line ${startLine}: a quoted field is not closed (a " is missing).`);
          const q = text[i]!;
          if (q === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q === '\n') line++;
          field += q;
          i++;
        }
        continue;
      }
      if (c === undefined || c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
        fields.push(field);
        i += c === undefined ? 0 : c === '\r' ? 2 : 1;
        if (c !== undefined) line++;
        break;
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        i++;
        continue;
      }
      field += c;
      i++;
    }
    // A blank line (nothing, or only spaces) is one unquoted field; `""` alone is a (short) record.
    if (fields.length === 1 && fields[0]!.trim() === '' && !quotedRecord) continue;
    yield { fields, line: startLine };
  }
}

/** Which field of a record holds each required column. BAD_USER_INPUT (field `csv`) when the header is not usable. */
function columnsOf(header: readonly string[]): Record<UserCsvColumn, number> {
  const wanted = new Map(USER_CSV_COLUMNS.map((name) => [name.toLowerCase(), name]));
  const found: Partial<Record<UserCsvColumn, number>> = {};
  header.forEach((raw, index) => {
    const column = wanted.get(raw.trim().toLowerCase());
    if (!column) return;
    if (found[column] !== undefined) throw badInput('csv', `the header names the column "${column}" twice.`);
    found[column] = index;
  });
  const missing = USER_CSV_COLUMNS.filter((name) => found[name] === undefined);
  if (missing.length > 0) {
    throw badInput(
      'csv',
      `the first line must be a header with the columns ${USER_CSV_COLUMNS.join(',')} (any order and case); missing: ${missing.join(', ')}.`,
    );
  }
  return found as Record<UserCsvColumn, number>;
}

/**
 * The data rows of a user import file. Throws BAD_USER_INPUT (field `csv`) for a file without
 * the header, with a quote left open, or with more than {@link MAX_IMPORT_ROWS} rows; rows are
 * otherwise returned as written, for the service to check one by one.
 */
export function parseUserCsv(text: string): UserCsvRow[] {
  const all = records(text);
  const first = all.next();
  if (first.done) throw badInput('csv', `is empty; the first line must be the header ${USER_CSV_COLUMNS.join(',')}.`);
  const header = first.value.fields;
  const columns = columnsOf(header);
  const rows: UserCsvRow[] = [];
  for (const { fields } of all) {
    if (rows.length === MAX_IMPORT_ROWS) throw badInput('csv', `holds more than ${MAX_IMPORT_ROWS} rows; split it into several imports.`);
    const cells = Object.fromEntries(USER_CSV_COLUMNS.map((name) => [name, fields[columns[name]]])) as Record<
      UserCsvColumn,
      string | undefined
    >;
    const extraCells = fields.slice(header.length).some((cell) => cell.trim() !== '');
    rows.push({ row: rows.length + 1, cells, extraCells });
  }
  return rows;
}
