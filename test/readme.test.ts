/** The README is part of the product: its commands and its configuration table must stay true. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../src/config.js';

const readme = fs.readFileSync('README.md', 'utf8');
const scripts = Object.keys((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);

describe('README.md', () => {
  it('gives the two one-line commands of the quick start', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });

  it('documents every configuration variable Homeroom reads', () => {
    const missing = CONFIG_VARIABLES.map(([name]) => name).filter((name) => !new RegExp(`\\|\\s*\`${name}\`\\s*\\|`).test(readme));
    expect(missing).toEqual([]);
  });

  it('mentions only npm scripts that exist', () => {
    const mentioned = [...readme.matchAll(/npm run (?:--silent )?([a-z:]+)/g)].map((m) => m[1]!);
    expect(mentioned.length).toBeGreaterThan(0);
    expect(mentioned.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it("lists Intune's rules, each naming test files that exist", () => {
    const section = readme.slice(readme.indexOf("Intune's rules (each item"), readme.indexOf('## Rehearsal'));
    const items = section.split(/\n(?=\d+\. )/).slice(1);
    expect(items.length).toBeGreaterThanOrEqual(6);
    for (const item of items) {
      const files = [...item.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]!);
      expect(files.length, item).toBeGreaterThan(0);
      expect(
        files.filter((file) => !fs.existsSync(file)),
        item,
      ).toEqual([]);
    }
  });
});
