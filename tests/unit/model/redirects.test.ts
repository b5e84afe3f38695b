import { describe, expect, it } from 'vitest';
import {
  patternMatcher,
  patternOf,
  planRedirects,
  redirectFile,
  type Redirect,
  redirectFiles,
  wantedRedirects,
} from '../../../src/model/redirects.ts';
import { brief, entity } from '../fixtures.ts';

const base = '/briefing';
const options = (
  sitePaths: string[] = ['/', '/briefs/a/', '/briefs/b/'],
  limits?: { static: number; dynamic: number },
) => ({
  link: (path: string) => `${base}${path}`,
  absolute: (path: string) => `https://example.org${base}${path}`,
  language: 'en',
  sitePaths: new Set(sitePaths),
  ...(limits ? { limits } : {}),
});

const r = (from: string, slug: string, title = `Title of ${slug}`): Redirect => ({
  from,
  to: `/briefs/${slug}/`,
  title,
});

describe('planRedirects', () => {
  const wordpress = [
    r('/2013/01/11/alpha/', 'alpha'),
    r('/2014/02/12/beta/', 'beta'),
    r('/2015/03/13/gamma/', 'gamma'),
    // Renamed on import (two posts had one name): a pattern would send it to /briefs/alpha/.
    r('/2016/04/14/alpha/', 'alpha-2'),
    r('/?p=123', 'beta'),
    r('/about-us.html', 'gamma'),
  ];

  it('writes pattern rules for a family of permalinks, and explicit rules before them', () => {
    const plan = planRedirects(wordpress, options());
    const lines = plan.rules
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(lines).toEqual([
      '/briefing/2016/04/14/alpha/ /briefing/briefs/alpha-2/ 301',
      '/briefing/about-us.html /briefing/briefs/gamma/ 301',
      '/briefing/:p1/:p2/:p3/:slug/ /briefing/briefs/:slug/ 301',
      '/briefing/:p1/:p2/:p3/:slug /briefing/briefs/:slug/ 301',
    ]);
    expect(plan.patterns).toEqual([
      { rule: '/briefing/:p1/:p2/:p3/:slug/ /briefing/briefs/:slug/ 301', covers: 3 },
    ]);
  });

  it('writes a redirect page for every old path, through the base path, and a query map', () => {
    const plan = planRedirects(wordpress, options());
    expect([...plan.pages.keys()].sort()).toEqual([
      '2013/01/11/alpha/index.html',
      '2014/02/12/beta/index.html',
      '2015/03/13/gamma/index.html',
      '2016/04/14/alpha/index.html',
      'about-us.html',
    ]);
    const page = plan.pages.get('2016/04/14/alpha/index.html')!;
    expect(page).toContain(
      '<meta http-equiv="refresh" content="0; url=/briefing/briefs/alpha-2/">',
    );
    expect(page).toContain(
      '<link rel="canonical" href="https://example.org/briefing/briefs/alpha-2/">',
    );
    expect(page).toContain('<a href="/briefing/briefs/alpha-2/">Title of alpha-2</a>');
    expect(plan.queries).toEqual({ '/?p=123': '/briefing/briefs/beta/' });
  });

  it('never lets a pattern cover a page of the site, and refuses old paths that are pages', () => {
    const plan = planRedirects(
      [r('/x/one/', 'one'), r('/x/two/', 'two'), r('/briefs/a/', 'b')],
      options(['/', '/x/index-of-x/', '/briefs/a/']),
    );
    expect(plan.patterns).toEqual([]);
    expect(plan.rules).toContain('/briefing/x/one/ /briefing/briefs/one/ 301');
    expect(plan.conflicts.map((c) => c.from)).toEqual(['/briefs/a/']);
  });

  it('keeps within the hosts’ rule limits, renamed redirects first', () => {
    const many = Array.from({ length: 30 }, (_, i) => r(`/old/page-${i}.php`, `p${i}`));
    const plan = planRedirects(
      [...many, ...wordpress],
      options(undefined, { static: 10, dynamic: 2 }),
    );
    const lines = plan.rules
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe('/briefing/2016/04/14/alpha/ /briefing/briefs/alpha-2/ 301');
    expect(plan.overLimit).toBe(30 + 2 - 10);
    expect(plan.pages.size).toBe(35);
  });

  it('escapes titles in the redirect page', () => {
    const plan = planRedirects([r('/a/', 'a', '<script>alert(1)</script> & "q"')], options([]));
    expect(plan.pages.get('a/index.html')).toContain(
      '&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;q&#34;',
    );
  });
});

describe('redirect files and patterns', () => {
  it('map old paths to files, decoding percent-encoded Chinese slugs', () => {
    expect(redirectFile('/2013/01/11/x/')).toBe('2013/01/11/x/index.html');
    expect(redirectFile('/about')).toBe('about/index.html');
    expect(redirectFile('/2013/01/x.html')).toBe('2013/01/x.html');
    expect(redirectFile('/%e7%a8%80%e5%9c%9f/')).toBe('稀土/index.html');
  });

  it('match one segment per placeholder, as the hosts do', () => {
    expect(patternOf('/2013/01/11/foo/', 'foo')).toBe('/:p1/:p2/:p3/:slug/');
    expect(patternOf('/news/foo.html', 'foo')).toBeUndefined();
    const m = patternMatcher('/:p1/:p2/:slug/');
    expect(m.test('/2013/01/foo/')).toBe(true);
    expect(m.test('/2013/01/foo')).toBe(false);
    expect(m.test('/2013/01/02/foo/')).toBe(false);
  });
});

describe('pattern rules beside files of the site', () => {
  it('leave out the variant without a trailing slash when a file matches it', () => {
    const plan = planRedirects(
      [r('/2013/01/11/alpha/', 'alpha'), r('/2014/02/12/beta/', 'beta')],
      options(['/', '/media/wp-content/uploads/chart.png']),
    );
    expect(plan.rules).toContain('/briefing/:p1/:p2/:p3/:slug/ /briefing/briefs/:slug/ 301');
    expect(plan.rules).not.toContain('/briefing/:p1/:p2/:p3/:slug /briefing');
  });
});

describe('wantedRedirects and redirectFiles', () => {
  const theme = {
    ...entity('themes', 'rare-earths', 'Rare Earths'),
    redirectFrom: ['/category/minerals/rare-earths/', '/?cat=7'],
    filePath: 'content/themes/rare-earths.md',
  };
  const post = { ...brief('a', '2013-01-11'), redirectFrom: ['/2013/01/11/a/'] };

  it('takes the old addresses of briefs and profiles alike, each to its page', () => {
    expect(wantedRedirects([post], [theme, entity('companies', 'lynas', 'Lynas')])).toEqual([
      { from: '/2013/01/11/a/', to: '/briefs/a/', title: 'Title of a', source: undefined },
      {
        from: '/category/minerals/rare-earths/',
        to: '/themes/rare-earths/',
        title: 'Rare Earths',
        source: 'content/themes/rare-earths.md',
      },
      {
        from: '/?cat=7',
        to: '/themes/rare-earths/',
        title: 'Rare Earths',
        source: 'content/themes/rare-earths.md',
      },
    ]);
  });

  it('lists the files the plan writes, so a build missing one is not published', () => {
    const wanted = wantedRedirects([post], [theme]);
    const plan = planRedirects(wanted, options());
    expect(redirectFiles(wanted).sort()).toEqual(
      [...plan.pages.keys(), '_redirects', 'old-addresses.json'].sort(),
    );
    expect(plan.rules).toContain(
      '/briefing/category/minerals/rare-earths/ /briefing/themes/rare-earths/ 301',
    );
    expect(plan.queries['/?cat=7']).toBe('/briefing/themes/rare-earths/');
    expect(plan.pages.get('category/minerals/rare-earths/index.html')).toContain(
      'url=/briefing/themes/rare-earths/',
    );
    expect(redirectFiles([])).toEqual([]);
  });
});

describe('pattern rules for profiles', () => {
  const to = (section: string, slug: string, from: string): Redirect => ({
    from,
    to: `/${section}/${slug}/`,
    title: slug,
  });
  /** Where a host sends `path`: the first rule that matches, its placeholders filled. */
  function hostSends(rules: string, path: string): string | undefined {
    for (const line of rules.split('\n').filter((l) => l && !l.startsWith('#'))) {
      const [from, target] = line.split(' ') as [string, string];
      const match = patternMatcher(from).exec(path);
      if (!match) continue;
      const values = path.split('/');
      const names = from.split('/');
      return names.reduce(
        (out, name, i) => (name.startsWith(':') ? out.replace(name, values[i]!) : out),
        target,
      );
    }
    return undefined;
  }

  it('send a family of tag pages to themes of their slugs with one rule', () => {
    const wanted = [
      to('themes', 'lynas', '/tag/lynas/'),
      to('themes', 'gallium', '/tag/gallium/'),
      to('companies', 'mp-materials', '/tag/mp/'),
    ];
    const plan = planRedirects(wanted, options(['/', '/themes/lynas/', '/themes/gallium/']));
    expect(plan.patterns).toEqual([
      { rule: '/briefing/tag/:slug/ /briefing/themes/:slug/ 301', covers: 2 },
    ]);
    for (const r of wanted)
      expect(hostSends(plan.rules, `${base}${r.from}`), r.from).toBe(`${base}${r.to}`);
  });

  it('give a page its own rule when another family’s pattern would catch it first', () => {
    const wanted = [
      r('/2013/alpha/', 'alpha'),
      r('/2014/beta/', 'beta'),
      r('/2015/gamma/', 'gamma'),
      to('themes', 'x', '/category/x/'),
      to('themes', 'y', '/category/y/'),
    ];
    const plan = planRedirects(wanted, options(['/']));
    expect(plan.patterns[0]!.rule).toBe('/briefing/:p1/:slug/ /briefing/briefs/:slug/ 301');
    for (const w of wanted)
      expect(hostSends(plan.rules, `${base}${w.from}`), w.from).toBe(`${base}${w.to}`);
  });
});
