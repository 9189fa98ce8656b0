import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/lib/server/client-address.js';

describe('clientAddress', () => {
	it('is the socket address without ADDRESS_HEADER, whatever a client claims', () => {
		expect(clientAddress({ 'x-forwarded-for': '1.2.3.4' }, '10.0.0.5', { addressHeader: undefined, xffDepth: 1 })).toBe('10.0.0.5');
	});

	it('reads X-Forwarded-For from the right, XFF_DEPTH proxies deep, as adapter-node does', () => {
		const headers = { 'x-forwarded-for': '6.6.6.6, 1.2.3.4, 10.0.0.1' };
		expect(clientAddress(headers, '10.0.0.9', { addressHeader: 'x-forwarded-for', xffDepth: 1 })).toBe('10.0.0.1');
		expect(clientAddress(headers, '10.0.0.9', { addressHeader: 'x-forwarded-for', xffDepth: 2 })).toBe('1.2.3.4');
	});

	it('reads another header whole, and falls back to the socket when the header is missing', () => {
		expect(clientAddress({ 'x-real-ip': ' 1.2.3.4 ' }, '10.0.0.9', { addressHeader: 'x-real-ip', xffDepth: 1 })).toBe('1.2.3.4');
		expect(clientAddress({}, '10.0.0.9', { addressHeader: 'x-real-ip', xffDepth: 1 })).toBe('10.0.0.9');
	});
});
