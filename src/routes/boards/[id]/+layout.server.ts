import { requireBoard } from '$lib/server/kit/guards';
import { decide } from '$lib/server/permissions';
import { services } from '$lib/server/services';
import type { LayoutServerLoad } from './$types';

/** Every page under a plan first checks I am on it: 404 otherwise, so its existence stays private. */
export const load: LayoutServerLoad = async (event) => {
	const { board, membership, user } = await requireBoard(event, 'view');
	// Opening any page of the plan is a visit (or carries on the one under way). A plan stays
	// readable when storage cannot write: the person may need it most then; the failure is logged.
	const { storage, log } = services();
	await storage.visits.touch(board.id, user.id, Date.now()).catch((error: Error) => {
		log.warn('Recording a visit failed', { board: board.id, error: error.message });
	});
	return {
		plan: {
			id: board.id,
			personName: board.personName,
			hasPerson: board.ownerId !== null,
			isMine: board.ownerId === user.id
		},
		me: { id: user.id, name: user.name, role: membership.role },
		may: {
			edit: decide(board, membership, 'edit').ok,
			viewPeople: decide(board, membership, 'viewPeople').ok,
			managePeople: decide(board, membership, 'managePeople').ok,
			viewAccessLog: decide(board, membership, 'viewAccessLog').ok
		}
	};
};
