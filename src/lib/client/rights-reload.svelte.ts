/**
 * Reloads what a board page knows of my rights when the server says my role changed, or when
 * the board is back after a drop (it may have changed unheard). The notice lives here, not in
 * the page component, so it survives the page being rebuilt by the reload (as after a load
 * that failed while offline).
 */
import { invalidateAll } from '$app/navigation';
import { page } from '$app/state';
import { roleChangeNotice, type RoleChangeNotice } from './role-change';

interface Rights {
	role: string;
	edit: boolean;
}

function currentRights(): Rights | null {
	const data = page.data as { me?: { role?: string }; may?: { edit?: boolean } };
	if (typeof data.me?.role !== 'string' || typeof data.may?.edit !== 'boolean') return null;
	return { role: data.me.role, edit: data.may.edit };
}

class RightsReload {
	/** The notice to show, for which board. */
	shown = $state<{ boardId: string; notice: RoleChangeNotice } | null>(null);
	/** My rights as last shown on each board: the "before" of the next change. */
	#seen = new Map<string, Rights>();

	/** Records the rights a board page was loaded with, the first time it is seen. */
	seen(boardId: string): void {
		const rights = currentRights();
		if (rights && !this.#seen.has(boardId)) this.#seen.set(boardId, rights);
	}

	/** `told`: the server said my role changed (always worth saying); else only if it did. */
	async reload(boardId: string, unsynced: boolean, told: boolean): Promise<void> {
		const before = this.#seen.get(boardId) ?? currentRights();
		// A page load tried offline turns into a full reload, which would forget what to say.
		if (!navigator.onLine) await new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
		try {
			await invalidateAll();
		} catch {
			return; // Not reachable now: the next reconnect tries again, from the same "before".
		}
		const after = currentRights();
		if (!before || !after) return;
		if (told || after.role !== before.role || after.edit !== before.edit) {
			this.#seen.set(boardId, after);
			this.shown = { boardId, notice: roleChangeNotice(before.edit, after.edit, unsynced) };
		}
	}
}

export const rightsReload = new RightsReload();
