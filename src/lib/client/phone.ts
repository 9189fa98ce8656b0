/** A phone number as a tap-to-call link: `tel:` with only its digits and a leading +. */
export function telHref(phone: string): string {
	const trimmed = phone.trim();
	const digits = trimmed.replace(/[^\d]/g, '');
	return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
