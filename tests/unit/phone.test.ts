import { describe, expect, it } from 'vitest';
import { telHref } from '../../src/lib/client/phone.js';

describe('a phone number as a tap-to-call link', () => {
	it.each([
		['111', 'tel:111'],
		['116 123', 'tel:116123'],
		['(01632) 960-123', 'tel:01632960123'],
		['+44 7700 900123', 'tel:+447700900123'],
		['  +44 (0)20 7946.0018 ', 'tel:+4402079460018'],
		['07700 900 123', 'tel:07700900123']
	])('%s → %s', (phone, href) => {
		expect(telHref(phone)).toBe(href);
	});

	it('keeps only a leading +', () => {
		expect(telHref('0800 + 123')).toBe('tel:0800123');
	});
});
