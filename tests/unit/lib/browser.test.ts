import { describe, expect, it, vi } from 'vitest';
import {
  browserCandidates,
  BrowserNotFound,
  chooseBrowser,
  locateBrowser,
  type Lookup,
  NO_BROWSER,
} from '../../../scripts/lib/browser.ts';

const PLAYWRIGHT = '/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A Linux machine on which only `files` exist. */
const linux = (files: string[], env: Lookup['env'] = {}): Lookup => ({
  platform: 'linux',
  env,
  exists: (path) => files.includes(path),
  playwright: PLAYWRIGHT,
});

describe('browserCandidates', () => {
  it('lists the usual Linux places, then the search path, each once', () => {
    const list = browserCandidates('linux', { PATH: '/usr/bin:/opt/tools/bin' });
    expect(list.slice(0, 5)).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
    ]);
    expect(list).toContain('/opt/tools/bin/chromium');
    expect(list.filter((path) => path === '/usr/bin/chromium')).toHaveLength(1);
  });

  it('lists the applications folders on macOS', () => {
    expect(browserCandidates('darwin', { HOME: '/Users/me' }).slice(0, 4)).toEqual([
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium',
    ]);
  });

  it('lists Chrome, Chromium and Edge under the Windows program folders, whatever the case', () => {
    const env = {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LocalAppData: 'C:\\Users\\me\\AppData\\Local',
    };
    const list = browserCandidates('win32', env);
    expect(list[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(list).toContain('C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe');
    expect(list.at(-1)).toBe('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(
      list.indexOf('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'),
    ).toBeGreaterThan(
      list.indexOf('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'),
    );
    expect(browserCandidates('win32', {})).toEqual([]);
  });
});

describe('chooseBrowser', () => {
  it('takes CHROMIUM_PATH when it is a file, and nothing else when it is not', () => {
    const installed = ['/usr/bin/chromium', '/opt/chrome/chrome'];
    expect(chooseBrowser(linux(installed, { CHROMIUM_PATH: '/opt/chrome/chrome' }))).toEqual({
      path: '/opt/chrome/chrome',
    });
    const wrong = chooseBrowser(linux(installed, { CHROMIUM_PATH: '/opt/nothing' }));
    expect(wrong).toEqual({ error: expect.stringMatching(/^CHROMIUM_PATH is \/opt\/nothing, /) });
    expect('error' in wrong && wrong.error).not.toContain('\n');
  });

  it('takes the first installed browser, before Playwright’s', () => {
    const files = ['/usr/bin/google-chrome-stable', '/snap/bin/chromium', PLAYWRIGHT];
    expect(chooseBrowser(linux(files))).toEqual({ path: '/usr/bin/google-chrome-stable' });
    expect(chooseBrowser(linux([PLAYWRIGHT]))).toEqual({ path: PLAYWRIGHT });
  });

  it('asks for Playwright’s download when nothing is installed, if Playwright has one', () => {
    expect(chooseBrowser(linux([]))).toEqual({ fetch: PLAYWRIGHT });
    expect(chooseBrowser({ ...linux([]), playwright: undefined })).toEqual({ error: NO_BROWSER });
  });
});

describe('locateBrowser', () => {
  it('fetches Playwright’s Chromium only when nothing else is there', async () => {
    const fetch = vi.fn(async () => true);
    await expect(locateBrowser(linux(['/usr/bin/chromium']), fetch)).resolves.toBe(
      '/usr/bin/chromium',
    );
    expect(fetch).not.toHaveBeenCalled();

    const files: string[] = [];
    const download = vi.fn(async () => {
      files.push(PLAYWRIGHT);
      return true;
    });
    await expect(locateBrowser(linux(files), download)).resolves.toBe(PLAYWRIGHT);
    expect(download).toHaveBeenCalledOnce();
  });

  it('fails with one line when no browser can be had', async () => {
    const failed = locateBrowser(linux([]), async () => false);
    await expect(failed).rejects.toBeInstanceOf(BrowserNotFound);
    await expect(failed).rejects.toThrow(NO_BROWSER);
    expect(NO_BROWSER).not.toContain('\n');
  });
});
