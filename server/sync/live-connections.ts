/**
 * The sync endpoint's open connections, found by session and by user, so that signing out
 * (here or everywhere) closes exactly the sockets it should, at once.
 */
import type { SyncConnection } from './connection.js';

export class LiveConnections implements Iterable<SyncConnection> {
	private readonly sessionByConnection = new Map<SyncConnection, string>();
	private readonly bySession = new Map<string, Set<SyncConnection>>();
	private readonly byUser = new Map<string, Set<SyncConnection>>();

	add(connection: SyncConnection, sessionId: string): void {
		this.sessionByConnection.set(connection, sessionId);
		addTo(this.bySession, sessionId, connection);
		addTo(this.byUser, connection.userId, connection);
	}

	delete(connection: SyncConnection): void {
		const sessionId = this.sessionByConnection.get(connection);
		if (sessionId === undefined) return;
		this.sessionByConnection.delete(connection);
		removeFrom(this.bySession, sessionId, connection);
		removeFrom(this.byUser, connection.userId, connection);
	}

	sessionOf(connection: SyncConnection): string | undefined {
		return this.sessionByConnection.get(connection);
	}

	ofSession(sessionId: string): SyncConnection[] {
		return [...(this.bySession.get(sessionId) ?? [])];
	}

	ofUser(userId: string): SyncConnection[] {
		return [...(this.byUser.get(userId) ?? [])];
	}

	[Symbol.iterator](): Iterator<SyncConnection> {
		return this.sessionByConnection.keys();
	}
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	let set = map.get(key);
	if (!set) map.set(key, (set = new Set()));
	set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	const set = map.get(key);
	if (!set) return;
	set.delete(value);
	if (set.size === 0) map.delete(key);
}
