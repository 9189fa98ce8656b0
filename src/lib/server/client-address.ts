/**
 * Who is at the other end of a request, by the same rule as the app's pages (adapter-node's
 * `getClientAddress`): behind a proxy, ADDRESS_HEADER names the header the proxy sets (with
 * XFF_DEPTH counting proxies from the right in X-Forwarded-For); otherwise the socket's own
 * address. Used where there is no SvelteKit event, such as the WebSocket upgrade.
 */
export interface AddressSettings {
	/** ADDRESS_HEADER, lower case; undefined to use the socket's address. */
	addressHeader: string | undefined;
	/** XFF_DEPTH: trusted proxies in front of the app, counted from the right of X-Forwarded-For. */
	xffDepth: number;
}

type Headers = Record<string, string | string[] | undefined>;

export function clientAddress(headers: Headers, socketAddress: string | undefined, settings: AddressSettings): string {
	const { addressHeader, xffDepth } = settings;
	const raw = addressHeader ? headers[addressHeader] : undefined;
	const value = Array.isArray(raw) ? raw.join(',') : raw;
	// No header means the request did not come through the proxy: the socket is the truth then.
	if (!value) return socketAddress ?? 'unknown';
	if (addressHeader !== 'x-forwarded-for') return value.trim();
	const addresses = value.split(',');
	return (addresses[Math.max(0, addresses.length - xffDepth)] ?? addresses[0]).trim();
}
