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
};
