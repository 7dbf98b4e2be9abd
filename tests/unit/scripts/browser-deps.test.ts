import { describe, expect, it } from 'vitest';
import type { Apt } from '../../../scripts/lib/apt.ts';
import { type BrowserProbe, ensureBrowserDependencies, ensurePdfPrinting } from '../../../scripts/lib/browser-deps.ts';

/** A machine that has `present`; an apt-get stand-in that records its calls and "installs" what it names. */
function machine(present: string[], { root = true, aptWorks = true, chromiumPath = '/usr/bin/chromium' } = {}) {
  const installed = new Set(present);
  const calls: string[][] = [];
  const warnings: string[] = [];
  const probe: BrowserProbe = {
    chromiumPath,
    hasChromium: () => installed.has('chromium') && chromiumPath === '/usr/bin/chromium',
    hasCjkFont: () => installed.has('fonts-noto-cjk'),
    hasPdftotext: () => installed.has('poppler-utils'),
  };
  const apt: Apt = {
    isRoot: () => root,
    run(args) {
      calls.push(args);
      if (!aptWorks) throw new Error('E: Unable to locate package chromium');
      if (args[0] === 'install') for (const name of args.filter((a) => !a.startsWith('-')).slice(1)) installed.add(name);
    },
  };
  const warn = (message: string) => warnings.push(message);
  return { probe, apt, calls, warnings, warn };
}

describe('npm start’s check for PDF printing', () => {
  it('installs the missing Chromium and CJK fonts with apt-get as root, and not the tests’ poppler-utils', () => {
    const m = machine(['poppler-utils']);
    expect(ensurePdfPrinting(m.probe, m.apt, m.warn)).toBe(true);
    expect(m.calls).toEqual([
      ['update', '-qq'],
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'],
    ]);
    expect(m.warnings).toEqual([]);
  });

  it('installs only the fonts when Chromium is there', () => {
    const m = machine(['chromium']);
    expect(ensurePdfPrinting(m.probe, m.apt, m.warn)).toBe(true);
    expect(m.calls.at(-1)).toEqual(['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk']);
  });

  it('runs no apt-get and says nothing when both are there', () => {
    const m = machine(['chromium', 'fonts-noto-cjk']);
    expect(ensurePdfPrinting(m.probe, m.apt, m.warn)).toBe(true);
    expect(m.calls).toEqual([]);
    expect(m.warnings).toEqual([]);
  });

  it('without root, prints the one-line apt-get instruction, says PDFs answer 503 meanwhile, and goes on', () => {
    const m = machine([], { root: false });
    expect(ensurePdfPrinting(m.probe, m.apt, m.warn)).toBe(false);
    expect(m.calls).toEqual([]);
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toContain('Printable PDF forms are off: this machine lacks chromium and fonts-noto-cjk.');
    expect(m.warnings[0]).toContain('Install them with: sudo apt-get install -y chromium fonts-noto-cjk');
    expect(m.warnings[0]).toContain('every PDF link answers 503 and offers the web (HTML) form');
  });

  it('warns with apt-get’s error when the install fails, and goes on', () => {
    const m = machine(['chromium'], { aptWorks: false });
    expect(ensurePdfPrinting(m.probe, m.apt, m.warn)).toBe(false);
    expect(m.warnings[0]).toContain('lacks fonts-noto-cjk');
    expect(m.warnings[0]).toContain('apt-get failed: E: Unable to locate package chromium');
  });

  it('names CHROMIUM_PATH when the browser is looked for elsewhere and is still not there', () => {
    const m = machine(['fonts-noto-cjk'], { chromiumPath: '/nowhere/chromium' });
    expect(ensurePdfPrinting(m.probe, m.apt, m.warn)).toBe(false);
    expect(m.warnings[0]).toContain('(Chromium is looked for at CHROMIUM_PATH=/nowhere/chromium.)');
  });
});

describe('npm test’s browser dependencies', () => {
  it('still installs poppler-utils with the browser and fonts, through the same apt-get helper', () => {
    const m = machine([]);
    ensureBrowserDependencies(m.probe, m.apt);
    expect(m.calls.at(-1)).toEqual(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk', 'poppler-utils']);
  });

  it('refuses without root, naming the sudo command', () => {
    const m = machine(['chromium'], { root: false });
    expect(() => ensureBrowserDependencies(m.probe, m.apt)).toThrow(
      'Browser tests need fonts-noto-cjk and poppler-utils. Install with: sudo apt-get install -y fonts-noto-cjk poppler-utils',
    );
  });
});
