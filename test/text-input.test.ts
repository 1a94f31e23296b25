import { describe, expect, it } from 'vitest';
import { ErrorCode, HomeroomError } from '../src/errors.js';
import { checkOneLineText, checkStorableText } from '../src/text-input.js';

function refusal(check: () => unknown): HomeroomError {
  try {
    check();
  } catch (error) {
    if (error instanceof HomeroomError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkStorableText', () => {
  it('returns well-formed text unchanged, including paired surrogates (emoji) and line breaks', () => {
    expect(checkStorableText('description', 'Cart 🍎 3\nsecond line')).toBe('Cart 🍎 3\nsecond line');
  });

  it('refuses a lone high or low surrogate with BAD_USER_INPUT naming the field', () => {
    for (const text of ['Ana \uD83D', '\uDC00 Ana', 'x\uD800y']) {
      const error = refusal(() => checkStorableText('name', text));
      expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { field: 'name' } });
      expect(error.message).toContain('lone UTF-16 surrogate');
    }
  });

  it('refuses a NUL character with BAD_USER_INPUT naming the field (PostgreSQL cannot store it)', () => {
    expect(refusal(() => checkStorableText('filter.model', 'iPad\0'))).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      details: { field: 'filter.model' },
    });
  });
});

describe('checkOneLineText', () => {
  it('refuses line breaks and tabs besides what checkStorableText refuses', () => {
    expect(checkOneLineText('name', 'Riverside iPads')).toBe('Riverside iPads');
    expect(refusal(() => checkOneLineText('name', 'a\nb')).message).toContain('control characters');
    expect(refusal(() => checkOneLineText('name', 'a\uD800')).message).toContain('lone UTF-16 surrogate');
  });
});
