/**
 * Checks of what an admin types or uploads for a token, each failing with `BAD_USER_INPUT`
 * naming the field. Shared by upload, renewal and update so the three agree.
 */
import { badInput } from '../../errors.js';
import { checkOneLineText, checkStorableText } from '../../text-input.js';

/** The `name` column's size. */
export const MAX_TOKEN_NAME_LENGTH = 100;
/** An email address's maximum (RFC 5321), and the `apple_id` column's size. */
export const MAX_APPLE_ID_LENGTH = 254;
/**
 * Token files are a few kilobytes; anything this large is not one, and refusing it early keeps
 * a mistaken upload (a disk image, a log) away from the PKCS#7 parser.
 */
export const MAX_TOKEN_FILE_LENGTH = 256 * 1024;

/** A trimmed name of 1 to 100 characters, one line of well-formed text. */
export function checkTokenName(value: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > MAX_TOKEN_NAME_LENGTH) throw badInput('name', `must be 1 to ${MAX_TOKEN_NAME_LENGTH} characters.`);
  return checkOneLineText('name', name);
}

/** The Managed Apple ID (or Apple ID) that downloaded the token: an email address. */
export function checkAppleId(value: string): string {
  const appleId = checkStorableText('appleId', value.trim());
  if (appleId.length > MAX_APPLE_ID_LENGTH || !/^[^\s@]+@[^\s@]+$/.test(appleId)) {
    throw badInput(
      'appleId',
      `must be the Apple ID that downloaded the token, an email address of at most ${MAX_APPLE_ID_LENGTH} characters.`,
    );
  }
  return appleId;
}

/** The file's text, present and of a plausible size; its content is the token reader's business. */
export function checkTokenFile(value: string): string {
  if (value.trim() === '') throw badInput('tokenFile', 'is empty: paste the text of the .p7m file downloaded from Apple School Manager.');
  if (value.length > MAX_TOKEN_FILE_LENGTH) {
    throw badInput('tokenFile', `is larger than ${MAX_TOKEN_FILE_LENGTH / 1024} KB; a server token (.p7m) is a few kilobytes.`);
  }
  return value;
}
