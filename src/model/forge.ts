/** Links to a content file on the forge that hosts its repository (`repository` in site.yaml). */

/**
 * The page that lists a file's commits: `<repository>/commits/HEAD/<path>` on GitHub and
 * forges that copy its URLs, `<repository>/-/commits/HEAD/<path>` on GitLab. HEAD is the
 * default branch, so no branch needs configuring.
 */
export function historyUrl(repository: string, path: string): string {
  const base = repository.replace(/\/+$/, '').replace(/\.git$/, '');
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const gitlab = /(^|\.)gitlab\./.test(new URL(base).hostname);
  return `${base}${gitlab ? '/-' : ''}/commits/HEAD/${encoded}`;
}
