/** Signing in or creating an account from any link on a page comes back to that page. */
import { describe, expect, it } from 'vitest';
import { comeBackQuery } from '../../src/lib/client/come-back.js';

const at = (path: string) => comeBackQuery(new URL(path, 'https://plans.example.org'));

describe('where sign-in links come back to', () => {
	it('an invitation, or any page someone was sent to, comes back to itself', () => {
		expect(at('/invite/abc_DEF-123')).toBe('?next=%2Finvite%2Fabc_DEF-123');
		expect(at('/boards/aaaaaaaaaaaaaaaaaaaa/history?who=x')).toBe('?next=%2Fboards%2Faaaaaaaaaaaaaaaaaaaa%2Fhistory%3Fwho%3Dx');
	});

	it('from the sign-in or sign-up page, carries on to where that page was going', () => {
		expect(at('/login?next=%2Finvite%2Fabc')).toBe('?next=%2Finvite%2Fabc');
		expect(at('/signup?next=%2Finvite%2Fabc')).toBe('?next=%2Finvite%2Fabc');
		expect(at('/login')).toBe('');
	});

	it('the home page has nowhere to come back to, and another site is never a destination', () => {
		expect(at('/')).toBe('');
		expect(at('/login?next=%2F%2Fevil.example')).toBe('');
		expect(at('/login?next=https%3A%2F%2Fevil.example')).toBe('');
	});
});
