/**
 * Where "Sign in" and "Create an account" come back to: the page someone is on (an invitation,
 * a plan they were sent a link to), or the page the sign-in form was already asked to return to.
 * Pure, so the rule is tested once; the server checks any `next` again (`safeNext`).
 */
const AUTH_PAGES = new Set(['/login', '/signup']);

/** The `?next=…` query for a sign-in link on this page, or '' when there is nowhere to come back to. */
export function comeBackQuery(url: URL): string {
	const next = AUTH_PAGES.has(url.pathname) ? url.searchParams.get('next') : url.pathname === '/' ? null : url.pathname + url.search;
	return next && next.startsWith('/') && !next.startsWith('//') ? `?next=${encodeURIComponent(next)}` : '';
}
