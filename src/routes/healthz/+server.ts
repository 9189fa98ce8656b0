import { json } from '@sveltejs/kit';
import { tryServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** 200 once storage is open; 503 before (and while it is closing). */
export const GET: RequestHandler = () => {
	const ready = tryServices()?.storage.isOpen() ?? false;
	return json({ status: ready ? 'ok' : 'starting' }, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
