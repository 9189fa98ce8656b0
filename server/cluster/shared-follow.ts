/**
 * Follow the presenter across instances: each plan's presentation is one JSON value in Redis,
 * changed only by Lua scripts, so every change is one atomic step whichever instance makes it
 * (one presenter per plan; an asked socket answers once). The rules are FollowRegistry's
 * (server/realtime/follow.ts), the same for one instance or many. Entries of sockets on an
 * instance whose lease ran out (killed) no longer count: a presenter there no longer blocks
 * anyone else from presenting.
 */
import { randomBytes } from 'node:crypto';
import { RealtimeError } from '../../src/lib/protocol/realtime-events.js';
import type { Participant, Presentation } from '../realtime/follow.js';
import type { FollowStore } from '../realtime/follow-store.js';
import { LEASE_PREFIX } from './lease.js';
import type { RedisClient } from './redis.js';

// KEYS[1]: the plan's presentation. ARGV[1]: the operation, ARGV[2]: its arguments (JSON), ARGV[3]: lease prefix.
const SCRIPT = `
local key, op, args, leases = KEYS[1], ARGV[1], cjson.decode(ARGV[2]), ARGV[3]
local function alive(p) return p.instance == nil or redis.call('EXISTS', leases .. p.instance) == 1 end
local function load()
	local raw = redis.call('GET', key)
	if not raw then return nil end
	local p = cjson.decode(raw)
	if not alive(p.presenter) then redis.call('DEL', key) return nil end
	for _, group in ipairs({ 'asked', 'followers' }) do
		for id, who in pairs(p[group]) do if not alive(who) then p[group][id] = nil end end
	end
	return p
end
local function save(p) redis.call('SET', key, cjson.encode(p), 'PX', 86400000) end
local function has(t, id) return t[id] ~= nil end
local function answer(value) return cjson.encode(value) end
local p = load()
if op == 'get' then return answer({ presentation = p }) end
if op == 'start' then
	if p and p.presenter.socketId ~= args.presenter.socketId then return answer({ error = 'already_presenting' }) end
	local followers = p and p.followers or {}
	local asked = {}
	for _, who in ipairs(args.audience) do
		if who.userId ~= args.presenter.userId and not has(followers, who.socketId) then asked[who.socketId] = who end
	end
	local position = cjson.null
	if p and p.position ~= nil then position = p.position end
	p = { requestId = args.requestId, presenter = args.presenter, asked = asked, followers = followers, position = position }
	save(p)
	return answer({ presentation = p })
end
if op == 'answer' then
	if not p or p.requestId ~= args.requestId or not has(p.asked, args.socketId) then return answer({ error = 'not_asked' }) end
	local who = p.asked[args.socketId]
	p.asked[args.socketId] = nil
	if args.follow then p.followers[args.socketId] = who end
	save(p)
	return answer({ presentation = p })
end
if op == 'stopFollowing' then
	if not p or not has(p.followers, args.socketId) then return answer({}) end
	p.followers[args.socketId] = nil
	save(p)
	return answer({ presentation = p })
end
if op == 'stopPresenting' or op == 'leave' then
	if p and p.presenter.socketId == args.socketId then
		redis.call('DEL', key)
		return answer({ ended = p })
	end
	if op == 'stopPresenting' or not p then return answer({}) end
	p.asked[args.socketId] = nil
	local followed = has(p.followers, args.socketId)
	p.followers[args.socketId] = nil
	save(p)
	if followed then return answer({ changed = p }) end
	return answer({})
end
if op == 'moveTo' then
	if not p or p.presenter.socketId ~= args.socketId then return answer({}) end
	p.position = args.position
	save(p)
	return answer({ presentation = p })
end
return redis.error_reply('unknown operation ' .. op)`;

interface StoredPresentation {
	requestId: string;
	presenter: Participant;
	asked: Record<string, Participant> | unknown[];
	followers: Record<string, Participant> | unknown[];
	position: Presentation['position'];
}

interface Reply {
	presentation?: StoredPresentation | null;
	ended?: StoredPresentation;
	changed?: StoredPresentation;
	error?: RealtimeError;
}

/** Lua's cjson writes an empty table as `{}` or `[]`: either is "nobody". */
const toMap = (group: StoredPresentation['asked']) => new Map(Array.isArray(group) ? [] : Object.entries(group));

function toPresentation(boardId: string, stored: StoredPresentation | null | undefined): Presentation | null {
	if (!stored) return null;
	return {
		boardId,
		requestId: stored.requestId,
		presenter: stored.presenter,
		asked: toMap(stored.asked),
		followers: toMap(stored.followers),
		position: stored.position ?? null
	};
}

export function sharedFollowStore(redis: RedisClient): FollowStore {
	const run = async (boardId: string, op: string, args: object): Promise<Reply> => {
		const raw = await redis.eval(SCRIPT, { keys: [`whatmatters:follow:${boardId}`], arguments: [op, JSON.stringify(args), LEASE_PREFIX] });
		return JSON.parse(String(raw)) as Reply;
	};
	const result = (boardId: string, reply: Reply) => {
		const presentation = toPresentation(boardId, reply.presentation);
		return presentation ? { ok: true as const, presentation } : { ok: false as const, error: reply.error ?? RealtimeError.NotAsked };
	};
	return {
		async get(boardId) {
			return toPresentation(boardId, (await run(boardId, 'get', {})).presentation) ?? undefined;
		},
		async start(boardId, presenter, audience) {
			return result(boardId, await run(boardId, 'start', { presenter, audience, requestId: randomBytes(9).toString('base64url') }));
		},
		async answer(boardId, socketId, requestId, follow) {
			return result(boardId, await run(boardId, 'answer', { socketId, requestId, follow }));
		},
		async stopFollowing(boardId, socketId) {
			return toPresentation(boardId, (await run(boardId, 'stopFollowing', { socketId })).presentation);
		},
		async stopPresenting(boardId, socketId) {
			return toPresentation(boardId, (await run(boardId, 'stopPresenting', { socketId })).ended);
		},
		async leave(boardId, socketId) {
			const reply = await run(boardId, 'leave', { socketId });
			return { ended: toPresentation(boardId, reply.ended), changed: toPresentation(boardId, reply.changed) };
		},
		async moveTo(boardId, socketId, position) {
			return toPresentation(boardId, (await run(boardId, 'moveTo', { socketId, position })).presentation);
		}
	};
}
