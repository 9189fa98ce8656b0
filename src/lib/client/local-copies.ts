/**
 * This browser's copies of plans (one IndexedDB database per opened plan), and forgetting
 * them all when someone signs out, so the next person at a shared computer cannot read them.
 */

/** Every plan's copy is named with this prefix. */
export const LOCAL_DB_PREFIX = 'whatmatters-board-';

/** The IndexedDB database name of a board (one per board, so boards never mix). */
export const localDbName = (boardId: string) => `${LOCAL_DB_PREFIX}${boardId}`;

/**
 * Deletes every plan copy in this browser. Resolves when each is deleted, blocked by a page
 * still holding it open (it is deleted once that page closes), or after `timeoutMs`.
 */
export async function deleteLocalCopies(timeoutMs = 3000): Promise<void> {
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
	const names = (await indexedDB.databases()).map((db) => db.name).filter((name) => name?.startsWith(LOCAL_DB_PREFIX));
	await Promise.all(
		names.map(
			(name) =>
				new Promise<void>((resolve) => {
					const request = indexedDB.deleteDatabase(name!);
					const timer = setTimeout(resolve, timeoutMs);
					const done = () => {
						clearTimeout(timer);
						resolve();
					};
					request.onsuccess = done;
					request.onerror = done;
					request.onblocked = done;
				})
		)
	);
}
