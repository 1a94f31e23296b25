import { describe, expect, it } from 'vitest';
import { ErrorCode, HomeroomError } from '../../../src/errors.js';
import { MAX_IMPORT_ROWS, parseUserCsv } from '../../../src/services/user/user-csv.js';

function refusal(text: string): HomeroomError {
  try {
    parseUserCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(HomeroomError);
    return error as HomeroomError;
  }
  throw new Error('expected the file to be refused');
}

const cellsOf = (text: string) => parseUserCsv(text).map((r) => r.cells);

describe('parseUserCsv', () => {
  it('reads the header in any order and case, and numbers data rows from 1', () => {
    const rows = parseUserCsv(
      'Role,PASSWORD,displayname,UserName\nSTUDENT,secret-one,Ann,ann@school.example\nTEACHER,secret-two,Bo,bo@school.example\n',
    );
    expect(rows).toEqual([
      { row: 1, cells: { username: 'ann@school.example', displayName: 'Ann', role: 'STUDENT', password: 'secret-one' }, extraCells: false },
      { row: 2, cells: { username: 'bo@school.example', displayName: 'Bo', role: 'TEACHER', password: 'secret-two' }, extraCells: false },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'username,displayName,role,password\r\nann@school.example,"Lee, Ann ""Annie""",STUDENT,"pa,ss""word\r\nline two"\r\n';
    expect(cellsOf(text)).toEqual([
      { username: 'ann@school.example', displayName: 'Lee, Ann "Annie"', role: 'STUDENT', password: 'pa,ss"word\r\nline two' },
    ]);
  });

  it('takes CRLF and LF line ends alike, with or without a final line end', () => {
    const lf = cellsOf('username,displayName,role,password\na@s.example,A,STUDENT,12345678\nb@s.example,B,STUDENT,12345678');
    const crlf = cellsOf('username,displayName,role,password\r\na@s.example,A,STUDENT,12345678\r\nb@s.example,B,STUDENT,12345678\r\n');
    expect(crlf).toEqual(lf);
    expect(lf).toHaveLength(2);
  });

  it('skips blank lines (not counted as rows) but keeps a row of empty cells', () => {
    const rows = parseUserCsv('\n\nusername,displayName,role,password\n\na@s.example,A,STUDENT,12345678\r\n\r\n,,,\n');
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
    expect(rows[1]!.cells).toEqual({ username: '', displayName: '', role: '', password: '' });
  });

  it('drops a UTF-8 byte order mark (spreadsheet exports) and ignores columns it does not know', () => {
    const rows = parseUserCsv('\ufeffusername,grade,displayName,role,password\na@s.example,7,A,STUDENT,12345678\n');
    expect(rows[0]!.cells).toEqual({ username: 'a@s.example', displayName: 'A', role: 'STUDENT', password: '12345678' });
  });

  it('marks short rows (a missing cell is undefined) and rows with extra non-empty cells, but not trailing empty ones', () => {
    const rows = parseUserCsv(
      'username,displayName,role,password\na@s.example,A\nb@s.example,B,STUDENT,12345678,,\nc@s.example,C,STUDENT,1234,5678\n',
    );
    expect(rows[0]!.cells.role).toBeUndefined();
    expect(rows.map((r) => r.extraCells)).toEqual([false, false, true]);
  });

  it('refuses a file without the required header with BAD_USER_INPUT on csv, naming the missing columns', () => {
    const error = refusal('email,name,role,password\na@s.example,A,STUDENT,12345678\n');
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details).toEqual({ field: 'csv' });
    expect(error.message).toContain('missing: username, displayName');
    expect(refusal('a@s.example,A,STUDENT,12345678\n').code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses an empty file, a header naming a column twice, and a quote left open (with its line)', () => {
    expect(refusal('').message).toMatch(/^csv: is empty/);
    expect(refusal(' \n\r\n').message).toMatch(/^csv: is empty/);
    expect(refusal('username,displayName,role,password,Username\n').message).toContain('"username" twice');
    expect(
      refusal('username,displayName,role,password\na@s.example,A,STUDENT,12345678\nb@s.example,"B,STUDENT,12345678\n').message,
    ).toContain('line 3: a quoted field is not closed');
  });

  it(`reads ${MAX_IMPORT_ROWS} rows and refuses one more`, () => {
    const header = 'username,displayName,role,password\n';
    const row = 'a@s.example,A,STUDENT,12345678\n';
    expect(parseUserCsv(header + row.repeat(MAX_IMPORT_ROWS))).toHaveLength(MAX_IMPORT_ROWS);
    expect(refusal(header + row.repeat(MAX_IMPORT_ROWS + 1)).message).toContain(`more than ${MAX_IMPORT_ROWS} rows`);
  });
});
