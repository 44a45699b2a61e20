import {generateKeyPairSync, randomBytes, sign, type KeyObject} from 'node:crypto';

/**
 * A throwaway certificate authority and a server certificate for 127.0.0.1/localhost,
 * made with node:crypto alone (a small DER writer). kubectl only sends a kubeconfig's
 * bearer token over TLS (client-go reads credentials only for https servers), so the
 * sandbox speaks TLS too; its kubeconfig carries this CA.
 */
export interface SandboxCertificates {
	/** PEM of the CA certificate (the kubeconfig's certificate-authority-data). */
	caCert: string;
	/** PEM of the server certificate, signed by the CA. */
	serverCert: string;
	/** PEM (PKCS#8) of the server's private key. */
	serverKey: string;
}

function length(size: number): Buffer {
	if (size < 0x80) {
		return Buffer.from([size]);
	}

	const bytes: number[] = [];
	for (let rest = size; rest > 0; rest >>= 8) {
		bytes.unshift(rest & 0xff);
	}

	return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
	const body = Buffer.concat(content);
	return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...content: Buffer[]): Buffer => tlv(0x30, ...content);

function oid(text: string): Buffer {
	const arcs = text.split('.').map(Number);
	const bytes = [arcs[0]! * 40 + arcs[1]!];
	for (const arc of arcs.slice(2)) {
		const chunk: number[] = [];
		let rest = arc;
		do {
			chunk.unshift(rest & 0x7f);
			rest = Math.floor(rest / 128);
		} while (rest > 0);
		for (let index = 0; index < chunk.length - 1; index++) {
			chunk[index]! |= 0x80;
		}

		bytes.push(...chunk);
	}

	return tlv(0x06, Buffer.from(bytes));
}

function utcTime(ms: number): Buffer {
	const iso = new Date(ms).toISOString();
	const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
	return tlv(0x17, Buffer.from(text, 'ascii'));
}

function name(commonName: string): Buffer {
	return sequence(tlv(0x31, sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
	return sequence(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));
}

const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));

function certificate(options: {
	subject: string;
	issuer: string;
	publicKey: KeyObject;
	signer: KeyObject;
	ca: boolean;
	now: number;
}): string {
	// DER integers are minimal and this one must be positive: first byte in 0x01-0x7f.
	const serial = randomBytes(16);
	serial[0] = serial[0]! & 0x7f || 0x01;
	const extensions = options.ca
		? [
				extension('2.5.29.19', true, sequence(tlv(0x01, Buffer.from([0xff])))),
				// digitalSignature, keyCertSign, cRLSign
				extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x01, 0x86]))),
			]
		: [
				extension('2.5.29.19', true, sequence()),
				// digitalSignature
				extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x07, 0x80]))),
				extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))),
				extension('2.5.29.17', false, sequence(tlv(0x82, Buffer.from('localhost', 'ascii')), tlv(0x87, Buffer.from([127, 0, 0, 1])))),
			];
	const tbs = sequence(
		tlv(0xa0, tlv(0x02, Buffer.from([2]))),
		tlv(0x02, serial),
		ecdsaWithSha256,
		name(options.issuer),
		sequence(utcTime(options.now - 3_600_000), utcTime(options.now + 365 * 24 * 3_600_000)),
		name(options.subject),
		options.publicKey.export({type: 'spki', format: 'der'}),
		tlv(0xa3, sequence(...extensions)),
	);
	const signature = sign('sha256', tbs, options.signer);
	const der = sequence(tbs, ecdsaWithSha256, tlv(0x03, Buffer.from([0]), signature));
	const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
	return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** A throwaway CA, and the server certificate it signs when first asked for. */
export interface CertificateAuthority {
	/** PEM of the CA certificate. */
	caCert: string;
	/** The server's certificate and key, made on the first call (the same ones after). */
	server(): Pick<SandboxCertificates, 'serverCert' | 'serverKey'>;
}

/**
 * A fresh CA now (its certificate goes into every namespace's kube-root-ca.crt), and the
 * server's key and certificate with the first TLS connection: `kpods --sandbox` speaks plain
 * HTTP to its own sandbox and never needs them.
 */
export function makeAuthority(now = Date.now()): CertificateAuthority {
	const ca = generateKeyPairSync('ec', {namedCurve: 'P-256'});
	const caCert = certificate({
		subject: 'kpods-sandbox-ca',
		issuer: 'kpods-sandbox-ca',
		publicKey: ca.publicKey,
		signer: ca.privateKey,
		ca: true,
		now,
	});
	let issued: Pick<SandboxCertificates, 'serverCert' | 'serverKey'> | undefined;
	return {
		caCert,
		server() {
			if (!issued) {
				const server = generateKeyPairSync('ec', {namedCurve: 'P-256'});
				issued = {
					serverCert: certificate({
						subject: 'kpods-sandbox',
						issuer: 'kpods-sandbox-ca',
						publicKey: server.publicKey,
						signer: ca.privateKey,
						ca: false,
						now,
					}),
					serverKey: server.privateKey.export({type: 'pkcs8', format: 'pem'}) as string,
				};
			}
			return issued;
		},
	};
}

/** A fresh CA and a server certificate for 127.0.0.1 and localhost (P-256 keys, valid one year). */
export function makeCertificates(now = Date.now()): SandboxCertificates {
	const authority = makeAuthority(now);
	return {caCert: authority.caCert, ...authority.server()};
}
