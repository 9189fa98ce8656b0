import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/health';
import { tryServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** 200 when storage is open and can write; 503 with a JSON reason otherwise. */
export const GET: RequestHandler = async () => {
	const health = await checkHealth(tryServices());
	return json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
