/**
 * The checks every text a client sends shares before it reaches the database, names and filter
 * strings alike, each failing with `BAD_USER_INPUT` naming the field.
 *
 * Two kinds of text cannot be stored as sent: PostgreSQL refuses NUL in any text value (the
 * statement fails, which used to surface as INTERNAL_SERVER_ERROR), and a lone UTF-16 surrogate
 * has no UTF-8 form, so the driver writes U+FFFD instead: a name echoed back as sent would come
 * back different on the next read. Both are refused on every database, so SQLite and
 * PostgreSQL answer alike.
 */
import { badInput } from './errors.js';

/** Whole UTF-16 text (every surrogate paired) without NUL; returns it unchanged. */
export function checkStorableText(field: string, value: string): string {
  // ES2024's String.prototype.isWellFormed (Node 20); the project's lib is ES2023.
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) {
    throw badInput(field, 'contains a lone UTF-16 surrogate (half of a character); send well-formed Unicode text.');
  }
  if (value.includes('\0')) throw badInput(field, 'must not contain NUL characters.');
  return value;
}

/** A one-line text (a name, a search term): storable and without control characters (line breaks, tabs, NUL). */
export function checkOneLineText(field: string, value: string): string {
  checkStorableText(field, value);
  if (/\p{Cc}/u.test(value)) throw badInput(field, 'must not contain control characters (line breaks, tabs).');
  return value;
}
