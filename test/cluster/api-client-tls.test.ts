// kpods opens 7–9 TLS connections at start (lists, the probe, then watches). Each one used to
// parse the CA, the client certificate and its key again; the client makes one TLS context
// while that material stays the same, and a new one when it changes (an exec plugin's renewal).
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import {test} from 'node:test';
import tls, {type TLSSocket} from 'node:tls';
import {ApiClient} from '../../source/cluster/api-client.js';
import {makeCertificates} from '../../source/sandbox/certificate.js';

test('connections share one TLS context while the material is the same, and each presents the client certificate', async () => {
	const server = makeCertificates();
	const first = makeCertificates();
	const renewed = makeCertificates();
	// Which client certificate each connection presented, by fingerprint.
	const presented: string[] = [];
	const httpsServer = https.createServer(
		{key: server.serverKey, cert: server.serverCert, requestCert: true, rejectUnauthorized: false},
		(request, response) => {
			presented.push((request.socket as TLSSocket).getPeerCertificate().fingerprint256);
			// Held a moment, so that requests sent together need connections of their own.
			setTimeout(() => response.end('{"major":"1"}'), 50);
		},
	);
	await new Promise<void>(resolve => httpsServer.listen(0, '127.0.0.1', resolve));
	const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

	let material = first;
	const api = new ApiClient(
		async options => {
			options.ca = Buffer.from(server.caCert);
			options.cert = Buffer.from(material.serverCert);
			options.key = Buffer.from(material.serverKey);
		},
		`https://127.0.0.1:${(httpsServer.address() as AddressInfo).port}`,
	);

	const made = tls.createSecureContext;
	let contexts = 0;
	tls.createSecureContext = (...parameters) => {
		contexts++;
		return made(...parameters);
	};
	try {
		await Promise.all([api.getJson('/version'), api.getJson('/version'), api.getJson('/version')]);
		assert.equal(contexts, 1, 'three connections, one TLS context (the material is equal, though new Buffers each time)');
		assert.deepEqual(presented, Array(3).fill(fingerprint(first.serverCert)));

		material = renewed;
		await api.getJson('/version');
		assert.equal(contexts, 2, 'a renewed client certificate makes a new context');
		assert.equal(presented.at(-1), fingerprint(renewed.serverCert), 'and the next request presents it');
	} finally {
		tls.createSecureContext = made;
		api.close();
		await new Promise(resolve => httpsServer.close(resolve));
	}
});
