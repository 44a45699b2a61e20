import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {ApiException, FetchError} from '@kubernetes/client-node';
import {apiErrorCode, kubectlCommandError, kubectlErrorLine, serverError} from '../../source/actions/errors.js';

/** A recorded answer of a real API server (copied from the project's reference responses): the body between the comment line and the HTTP line. */
function recorded(name: string): {code: number; body: string} {
	const lines = readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
		.trimEnd()
		.split('\n');
	const code = Number(/^HTTP (\d+)$/.exec(lines.at(-1)!)![1]);
	return {code, body: lines.slice(1, -1).join('\n')};
}

function fromServer(name: string): ApiException<string> {
	const {code, body} = recorded(name);
	return new ApiException(code, 'Unknown API Status Code!', body, {});
}

describe('kubectlErrorLine', () => {
	test("Status errors of a real server, in kubectl's words", () => {
		assert.equal(kubectlErrorLine(fromServer('404-get-pod.txt')), 'Error from server (NotFound): pods "nope" not found');
		assert.equal(
			kubectlErrorLine(fromServer('409-create-exists.txt')),
			'Error from server (AlreadyExists): pods "testando" already exists',
		);
		assert.equal(
			kubectlErrorLine(fromServer('422-nodeport-taken.txt')),
			'Error from server (Invalid): Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: 30555: provided port is already allocated',
		);
	});

	test('a Status without a reason, a 401, and a body that is not a Status', () => {
		const noReason = new ApiException(500, '', JSON.stringify({kind: 'Status', message: 'etcd is sad', code: 500}), {});
		assert.equal(kubectlErrorLine(noReason), 'Error from server: etcd is sad');
		assert.equal(
			kubectlErrorLine(new ApiException(401, 'Unauthorized', undefined, {})),
			'error: You must be logged in to the server (the server has asked for the client to provide credentials)',
		);
		const unauthorized = new ApiException(
			401,
			'',
			JSON.stringify({kind: 'Status', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401}),
			{},
		);
		assert.equal(kubectlErrorLine(unauthorized), 'error: You must be logged in to the server (Unauthorized)');
		assert.equal(
			kubectlErrorLine(new ApiException(404, '', '404 page not found\n', {})),
			'Error from server (NotFound): the server could not find the requested resource',
		);
		assert.equal(
			kubectlErrorLine(new ApiException(502, '', 'Bad Gateway', {})),
			'Error from server (InternalError): an error on the server ("Bad Gateway") has prevented the request from succeeding',
		);
		assert.equal(
			kubectlErrorLine(new ApiException(403, '', 'forbidden by proxy', {})),
			'Error from server (Forbidden): forbidden by proxy',
		);
		assert.equal(
			kubectlErrorLine(new ApiException(418, '', '', {})),
			'Error from server: the server responded with the status code 418 but did not return more information',
		);
	});

	test('a connection that fails: the reason, without the URL', () => {
		const refused = new FetchError(
			'request to https://127.0.0.1:1234/api/v1/namespaces/default/pods failed, reason: connect ECONNREFUSED 127.0.0.1:1234',
			'system',
		);
		assert.equal(kubectlErrorLine(refused), 'Unable to connect to the server: connect ECONNREFUSED 127.0.0.1:1234');
		// client-node prefixes discovery failures with its own words.
		const viaDiscovery = new FetchError('request to http://127.0.0.1:9/api/v1 failed, reason: connect ECONNREFUSED 127.0.0.1:9', 'system');
		viaDiscovery.message = `Failed to fetch resource metadata for v1/Pod: ${viaDiscovery.message}`;
		assert.equal(kubectlErrorLine(viaDiscovery), 'Unable to connect to the server: connect ECONNREFUSED 127.0.0.1:9');
		const dns = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), {code: 'ENOTFOUND', errno: -3008});
		assert.equal(kubectlErrorLine(dns), 'Unable to connect to the server: getaddrinfo ENOTFOUND nowhere.invalid');
	});

	test('anything else: error: and its first line', () => {
		assert.equal(kubectlErrorLine(new Error('something odd\nstack-ish detail')), 'error: something odd');
		assert.equal(kubectlErrorLine('a string'), 'error: a string');
	});
});

describe('kubectlCommandError', () => {
	test('Invalid: kubectl names the object and its cause', () => {
		assert.deepEqual(kubectlCommandError(fromServer('422-missing-image.txt')), [
			'The Pod "noimage" is invalid: spec.containers[0].image: Required value',
		]);
		assert.deepEqual(kubectlCommandError(fromServer('422-nodeport-range.txt')), [
			'The Service "np3" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
		]);
	});

	test('Invalid with several causes: one line per cause', () => {
		const body = JSON.stringify({
			kind: 'Status',
			status: 'Failure',
			reason: 'Invalid',
			code: 422,
			message: 'Pod "a_b" is invalid: [...]',
			details: {
				name: 'a_b',
				kind: 'Pod',
				causes: [
					{reason: 'FieldValueInvalid', message: 'Invalid value: "a_b": bad', field: 'metadata.name'},
					{reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image'},
				],
			},
		});
		assert.deepEqual(kubectlCommandError(new ApiException(422, '', body, {})), [
			'The Pod "a_b" is invalid: ',
			'* metadata.name: Invalid value: "a_b": bad',
			'* spec.containers[0].image: Required value',
		]);
	});

	test('other errors: the same one line as kubectlErrorLine', () => {
		assert.deepEqual(kubectlCommandError(fromServer('404-delete-pod.txt')), ['Error from server (NotFound): pods "nope" not found']);
	});
});

describe('apiErrorCode and serverError', () => {
	test('the code of an API error, nothing for other errors', () => {
		assert.equal(apiErrorCode(fromServer('404-get-pod.txt')), 404);
		assert.equal(apiErrorCode(Object.assign(new Error('x'), {code: 'ECONNREFUSED'})), undefined);
		assert.equal(apiErrorCode(undefined), undefined);
		assert.deepEqual(serverError(fromServer('409-stale-update.txt')), {
			code: 409,
			reason: 'Conflict',
			message:
				'Operation cannot be fulfilled on pods "testando": the object has been modified; please apply your changes to the latest version and try again',
			details: {name: 'testando', kind: 'pods'},
		});
	});
});
