import { describe, expect, it } from 'vitest';
import { failedLines, readSerials } from '../../../src/services/migration/migration.service.js';

describe('migration requests', () => {
  it('reads serial numbers trimmed, upper case and once each', () => {
    expect(readSerials([' dmpxk1 ', 'DMPXK1', 'f9fz2'])).toEqual(['DMPXK1', 'F9FZ2']);
  });

  it('refuses no serials, more than 1000 and malformed ones with BAD_USER_INPUT on serialNumbers', () => {
    for (const serials of [[], Array.from({ length: 1001 }, (_, i) => `S${i}`), ['not a serial']]) {
      expect(() => readSerials(serials)).toThrowError(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'serialNumbers' } }),
      );
    }
  });

  it("reads the serials an activity's CSV log says failed, with Apple's message", () => {
    const csv =
      'Serial Number,Result,Message\r\nA1,SUCCESS,Assigned to Homeroom.\r\nB2,FAILED,"The device is not in the organization, sorry."\r\n';
    expect([...failedLines(csv)]).toEqual([['B2', 'The device is not in the organization, sorry.']]);
  });
});
