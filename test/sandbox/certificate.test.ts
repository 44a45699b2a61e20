// The sandbox's own CA and server certificate: valid DER every time (OpenSSL loads them),
// for 127.0.0.1 and localhost, signed by the CA.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import {createSecureContext} from 'node:tls';
import {makeCertificates} from '../../source/sandbox/certificate.js';

describe('sandbox certificates', () => {
	test('the server certificate names 127.0.0.1 and localhost, is signed by the CA, and the CA is a CA', () => {
		const {caCert, serverCert} = makeCertificates(Date.parse('2026-11-24T12:00:00Z'));
		const ca = new X509Certificate(caCert);
		const server = new X509Certificate(serverCert);
		assert.equal(ca.ca, true);
		assert.equal(server.ca, false);
		assert.equal(server.subjectAltName, 'DNS:localhost, IP Address:127.0.0.1');
		assert.ok(server.checkIssued(ca));
		assert.ok(server.verify(ca.publicKey));
		assert.equal(server.checkIP('127.0.0.1'), '127.0.0.1');
		assert.equal(server.validFrom, 'Nov 24 11:00:00 2026 GMT');
		assert.equal(server.validTo, 'Nov 24 12:00:00 2027 GMT');
	});

	test('every certificate is valid DER (random serial numbers included)', () => {
		for (let round = 0; round < 600; round++) {
			const {caCert, serverCert, serverKey} = makeCertificates();
			assert.doesNotThrow(() => createSecureContext({key: serverKey, cert: serverCert, ca: caCert}), `round ${round}`);
		}
	});
});
