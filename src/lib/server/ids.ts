/** Random identifiers for records: 100 bits, base32, readable in URLs. */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export function newId(): string {
	const bytes = new Uint8Array(13);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes).slice(0, 20);
}
