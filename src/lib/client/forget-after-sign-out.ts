/**
 * After signing out, the page it lands on (`?signed-out=1`) deletes this browser's copies of
 * plans again, in case the page that signed out was closed before it could finish.
 */
import { deleteLocalCopies } from './local-copies';

export const SIGNED_OUT_PARAM = 'signed-out';

export async function forgetAfterSignOut(url: URL): Promise<void> {
	if (url.searchParams.get(SIGNED_OUT_PARAM) !== '1') return;
	// Reloading this page deletes them again: harmless, so the address is left as it is.
	await deleteLocalCopies();
}
