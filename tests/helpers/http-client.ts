/**
 * A tiny browser stand-in for integration tests: keeps cookies, sends same-origin form POSTs
 * (as a browser would, with an Origin header) and never follows redirects, so tests see them.
 */
export interface Answer {
	status: number;
	location: string | null;
	text: string;
	headers: Headers;
}

export class Client {
	readonly cookies = new Map<string, string>();

	constructor(readonly base: string) {}

	cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	private remember(headers: Headers) {
		for (const line of headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attributes.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	async request(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Answer> {
		const response = await fetch(this.base + path, {
			method,
			redirect: 'manual',
			body: init.body,
			headers: { accept: 'text/html,application/xhtml+xml', cookie: this.cookieHeader(), ...init.headers }
		});
		this.remember(response.headers);
		return { status: response.status, location: response.headers.get('location'), text: await response.text(), headers: response.headers };
	}

	get(path: string): Promise<Answer> {
		return this.request('GET', path);
	}

	/** A form POST from this site's own page. `origin` lets a test pretend to be another site. */
	post(path: string, fields: Record<string, string>, origin = this.base): Promise<Answer> {
		return this.request('POST', path, {
			body: new URLSearchParams(fields),
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin }
		});
	}
}

let counter = 0;
/** A unique, valid email for a test account. */
export function uniqueEmail(name: string): string {
	return `${name.toLowerCase().replace(/\W+/g, '.')}.${process.pid}.${Date.now()}.${counter++}@example.com`;
}

export const GOOD_PASSWORD = 'kettle harbour violet';

/** Signs up a new account and returns its signed-in client. */
export async function signedUp(base: string, name: string): Promise<{ client: Client; email: string }> {
	const client = new Client(base);
	const email = uniqueEmail(name);
	const answer = await client.post('/signup', { name, email, password: GOOD_PASSWORD });
	if (answer.status !== 303) throw new Error(`sign-up failed for ${name}: ${answer.status} ${answer.text.slice(0, 300)}`);
	return { client, email };
}
