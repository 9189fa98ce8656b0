// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			/** The raw session token, so sign-out can end exactly this session. */
			sessionToken: string | null;
			/** A session cookie came in but its session had ended (expired or signed out). */
			sessionEnded: boolean;
		}
		interface Error {
			message: string;
		}
		interface PageData {
			user?: { id: string; name: string } | null;
		}
	}
}

export {};
