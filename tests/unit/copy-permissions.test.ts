/**
 * Who may make which copy of a plan, decided by the permission module alone (docs/permissions.md,
 * docs/print-and-export.md): anyone on the plan may print it; the person and clinicians may
 * download it for another service (FHIR); only the person may download all its data, so before a
 * person joins nobody may; someone not on the plan is told nothing.
 */
import { describe, expect, it } from 'vitest';
import { decide, Refusal } from '../../src/lib/server/permissions.js';
import type { Role } from '../../src/lib/roles.js';

const joined = { ownerId: 'u-person', createdBy: 'u-person' };
const notJoined = { ownerId: null, createdBy: 'u-clinician' };
const member = (role: Role, userId = `u-${role}`) => ({ userId, role });

const EXPECTED: Record<'print' | 'exportFhir' | 'exportData', Record<Role, boolean>> = {
	print: { person: true, clinician: true, peer_advocate: true, supporter: true },
	exportFhir: { person: true, clinician: true, peer_advocate: false, supporter: false },
	exportData: { person: true, clinician: false, peer_advocate: false, supporter: false }
};

describe('decide() for copies of a plan', () => {
	for (const [action, byRole] of Object.entries(EXPECTED) as [keyof typeof EXPECTED, Record<Role, boolean>][]) {
		for (const [role, allowed] of Object.entries(byRole) as [Role, boolean][]) {
			it(`${action}: ${role} ${allowed ? 'may' : 'may not, and is told why in words'}`, () => {
				const decision = decide(joined, member(role), action);
				expect(decision.ok).toBe(allowed);
				if (!decision.ok) {
					expect(decision.refusal).toBe(Refusal.Forbidden);
					expect(decision.message).toMatch(/^[A-Z].+\.$/);
				}
			});
		}
		it(`${action}: someone not on the plan is not told it exists`, () => {
			expect(decide(joined, null, action)).toEqual({ ok: false, refusal: Refusal.NotFound, message: 'We could not find that care plan.' });
		});
	}

	it('before the person joins: whoever started it prints it, a clinician downloads FHIR, nobody gets all its data', () => {
		expect(decide(notJoined, member('clinician'), 'print').ok).toBe(true);
		expect(decide(notJoined, member('clinician'), 'exportFhir').ok).toBe(true);
		expect(decide(notJoined, member('clinician'), 'exportData').ok).toBe(false);
		const advocateStarter = { ownerId: null, createdBy: 'u-peer_advocate' };
		expect(decide(advocateStarter, member('peer_advocate'), 'print').ok).toBe(true);
		expect(decide(advocateStarter, member('peer_advocate'), 'exportFhir').ok).toBe(false);
		expect(decide(advocateStarter, member('peer_advocate'), 'exportData').ok).toBe(false);
	});
});
