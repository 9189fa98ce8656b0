/**
 * Ids of the resources in a plan's FHIR document. Every resource is named by a UUID, so its
 * `fullUrl` can be `urn:uuid:…` and references resolve inside the Bundle. The same plan gives
 * the same ids every time (name-based UUIDs, RFC 9562 version 5), so a service that reads two
 * copies can tell they are about the same goal or the same person.
 */
import { sha1 } from '@oslojs/crypto/sha1';

/** Our namespace for name-based UUIDs (a random UUID, fixed once; never change it). */
const NAMESPACE = hexBytes('6f1b2a4e-3c7d-4e59-9a41-2d8c5b7e0f13');

function hexBytes(uuid: string): Uint8Array {
	const hex = uuid.replace(/-/g, '');
	return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

function format(bytes: Uint8Array): string {
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A version-5 UUID for `name` in our namespace. */
export function nameUuid(name: string): string {
	const data = new TextEncoder().encode(name);
	const input = new Uint8Array(NAMESPACE.length + data.length);
	input.set(NAMESPACE);
	input.set(data, NAMESPACE.length);
	const bytes = sha1(input).slice(0, 16);
	bytes[6] = (bytes[6]! & 0x0f) | 0x50;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	return format(bytes);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The resource ids of one plan's document. */
export function planIds(boardId: string) {
	return {
		plan: nameUuid(`plan:${boardId}`),
		composition: nameUuid(`composition:${boardId}`),
		carePlan: nameUuid(`careplan:${boardId}`),
		careTeam: nameUuid(`careteam:${boardId}`),
		patient: nameUuid(`patient:${boardId}`),
		/** One document per stored state of the plan: the same state, the same document. */
		document: (seq: number) => nameUuid(`document:${boardId}:${seq}`),
		/** A member of this plan (the same account on another plan gets another id). */
		user: (userId: string) => nameUuid(`user:${boardId}:${userId}`),
		/** An item keeps its own id where it is a UUID, as the board makes them. */
		item: (itemId: string) => (UUID.test(itemId) ? itemId : nameUuid(`item:${boardId}:${itemId}`))
	};
}
export type PlanIds = ReturnType<typeof planIds>;

/** The `fullUrl` and reference of a resource named by `id`. */
export const urn = (id: string) => `urn:uuid:${id}`;
