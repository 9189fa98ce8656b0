/** The new-password rule: long enough, and hard enough to guess by zxcvbn's estimate. */
import { describe, expect, it } from 'vitest';
import { passwordProblem, TOO_EASY } from '../../src/lib/server/auth/passwords.js';

const person = { name: 'Annie Smith', email: 'annie.smith@example.com' };

describe('passwordProblem', () => {
	it.each(['aaaaaaaa', 'whatmatters', 'WhatMatters1', 'password123', 'qwertyuiop', '12345678', 'iloveyou1', 'careplan2024'])(
		'refuses the easy password %s with a plain message',
		(password) => {
			expect(passwordProblem(password, person)).toBe(TOO_EASY);
		}
	);

	it("refuses the person's own name and email", () => {
		expect(passwordProblem('annie smith', person)).toBe(TOO_EASY);
		expect(passwordProblem('annie.smith@example.com', person)).toBe(TOO_EASY);
		expect(passwordProblem('AnnieSmith1', person)).toBe(TOO_EASY);
	});

	it.each(['kettle harbour violet', 'plum sandal orbit', 'correct horse battery staple', 'Tr0ub4dor&3-river'])('accepts %s', (password) => {
		expect(passwordProblem(password, person)).toBeNull();
	});

	it('says how long a password must and may be', () => {
		expect(passwordProblem('short', person)).toBe('Your password needs at least 8 characters.');
		expect(passwordProblem('x'.repeat(257), person)).toBe('Your password can have up to 256 characters.');
	});

	it('speaks plainly: short sentences, no jargon', () => {
		expect(TOO_EASY).toBe('Choose a password that is harder to guess: try three or four random words.');
	});
});
