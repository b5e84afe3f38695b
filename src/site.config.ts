/** Site-wide settings an operator changes when deploying their own briefing site. */
export const SITE = {
  title: 'Briefing',
  tagline: 'Rare earths, critical minerals and the state',
  description:
    'Short, sourced briefs on rare earths and critical minerals: export controls, state-owned enterprises, magnet supply chains and the policies that move them.',
  /** BCP 47 language of the site's own text. */
  lang: 'en',
  /** Briefs per page on the home page. */
  homeBriefs: 8,
  /**
   * Up to this many briefs, /briefs/ and /timeline/ list every brief. Above it they show each
   * year's newest few and link to the year's own page (/timeline/2025/), so that no page
   * grows with the archive (10,000 briefs on one page is 2 MB of HTML).
   */
  fullListUpTo: Number(process.env.BRIEFING_FULL_LIST_UP_TO ?? 500),
  /** On a large site, briefs shown per year on /briefs/. */
  newestPerYear: Number(process.env.BRIEFING_NEWEST_PER_YEAR ?? 10),
};
