/** The default bus: one process, delivery by direct call, in publish order. */
import { randomUUID } from 'node:crypto';
import type { Bus, BusHandler } from './bus.js';

export function createInProcessBus(): Bus {
	const handlers = new Map<string, Set<BusHandler>>();
	return {
		instanceId: randomUUID(),
		shared: false,
		async subscribe(boardId, handler) {
			let set = handlers.get(boardId);
			if (!set) handlers.set(boardId, (set = new Set()));
			set.add(handler);
			return async () => {
				set.delete(handler);
				if (set.size === 0 && handlers.get(boardId) === set) handlers.delete(boardId);
			};
		},
		async publish(message) {
			for (const handler of handlers.get(message.boardId) ?? []) handler(message);
		},
		async close() {
			handlers.clear();
		}
	};
}
