import type {KubeObject} from '../k8s/types.js';
import {isObject} from './meta.js';
import {badRequest} from './status.js';

const base64 = /^(?:[A-Za-z\d+/]{4})*(?:[A-Za-z\d+/]{2}==|[A-Za-z\d+/]{3}=)?$/;

/**
 * A Secret as the API server stores it: `type` defaults to Opaque, `stringData` is merged
 * into `data` (base64) and not kept, and `data` values must be base64, as decoding the
 * []byte fields requires (a 400 otherwise, like any decode error).
 */
export function normalizeSecret(secret: KubeObject): KubeObject {
	const data = isObject(secret['data']) ? {...secret['data']} : {};
	for (const [key, value] of Object.entries(data)) {
		if (typeof value !== 'string' || !base64.test(value)) {
			const index =
				typeof value === 'string'
					? [...value].findIndex((_, at) => !base64.test(value.slice(0, at + 1).padEnd(Math.ceil((at + 1) / 4) * 4, 'A')))
					: 0;
			throw badRequest(`Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${Math.max(index, 0)}`);
		}

		data[key] = value;
	}

	const stringData = isObject(secret['stringData']) ? secret['stringData'] : {};
	for (const [key, value] of Object.entries(stringData)) {
		data[key] = Buffer.from(String(value), 'utf8').toString('base64');
	}

	const {stringData: _dropped, ...rest} = secret;
	return {
		...rest,
		...(Object.keys(data).length > 0 ? {data} : {}),
		type: typeof secret['type'] === 'string' && secret['type'] !== '' ? secret['type'] : 'Opaque',
	};
}
