import { describe, expect, it } from 'vitest';
import { helloPanes, remainingPanes, SETUP_PANES } from '../../../src/simulator/device/index.js';

const keys = (panes: Array<{ key: string }>) => panes.map((pane) => pane.key);

describe('Setup Assistant panes', () => {
  it('shows the Hello panes on every device, TermsOfAddress from iPadOS 16', () => {
    expect(keys(helloPanes('17.5'))).toEqual(['Language', 'Region', 'Keyboard', 'SpokenLanguage', 'TermsOfAddress']);
    expect(keys(helloPanes('15.7'))).toEqual(['Language', 'Region', 'Keyboard', 'SpokenLanguage']);
  });

  it('shows every pane of the table in order when nothing is skipped (Apple Intelligence from 18.0)', () => {
    expect(keys(remainingPanes('18.0'))).toEqual(keys([...SETUP_PANES]));
    expect(keys(remainingPanes('17.5'))).not.toContain('Intelligence');
    expect(keys(remainingPanes('17.0'))).not.toContain('EnableLockdownMode');
  });

  it('leaves out skipped panes and ignores unknown skip keys', () => {
    const panes = keys(remainingPanes('18.1', ['Passcode', 'Siri', 'NoSuchPane', 'Keyboard']));
    expect(panes).not.toContain('Passcode');
    expect(panes).not.toContain('Siri');
    expect(panes).toHaveLength(SETUP_PANES.length - 2);
  });

  it('offers Move from Android only inside Restore, and Lockdown Mode only after an Apple Account', () => {
    expect(keys(remainingPanes('18.0', ['Restore']))).not.toContain('Android');
    expect(keys(remainingPanes('18.0', ['AppleID']))).not.toContain('EnableLockdownMode');
    const withBoth = keys(remainingPanes('18.0'));
    expect(withBoth.indexOf('Android')).toBe(withBoth.indexOf('Restore') + 1);
  });
});
