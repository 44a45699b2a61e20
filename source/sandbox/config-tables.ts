// `kubectl get configmaps|secrets|serviceaccounts` rows as the server prints them
// (printers.go printConfigMap, printSecret, printServiceAccount); descriptions are the
// fields' OpenAPI documentation, as the server sends them.
import type {KubeObject} from '../k8s/types.js';
import {ageColumn, nameColumn, stringColumn, type Column} from '../format/columns.js';
import {translateTimestampSince} from '../format/duration.js';
import {isObject} from './meta.js';

const configMapData =
	"Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.";
const secretData =
	"Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4";
const secretType = 'Used to facilitate programmatic handling of secret data.';
const accountSecrets =
	'Secrets is the list of secrets allowed to be used by pods running using this ServiceAccount. More info: https://kubernetes.io/docs/concepts/configuration/secret';

const count = (value: unknown): number => (isObject(value) ? Object.keys(value).length : Array.isArray(value) ? value.length : 0);
const age = (object: KubeObject, now: number): string => translateTimestampSince(object.metadata.creationTimestamp, now);

/** NAME DATA AGE (DATA counts data and binaryData keys). */
export const configMapColumns: Column[] = [nameColumn, stringColumn('Data', configMapData), ageColumn];

/** The cells of a configmaps row. */
export function configMapCells(object: KubeObject, now: number): Array<string | number> {
	return [object.metadata.name ?? '', count(object['data']) + count(object['binaryData']), age(object, now)];
}

/** NAME TYPE DATA AGE. */
export const secretColumns: Column[] = [nameColumn, stringColumn('Type', secretType), stringColumn('Data', secretData), ageColumn];

/** The cells of a secrets row. */
export function secretCells(object: KubeObject, now: number): Array<string | number> {
	return [object.metadata.name ?? '', String(object['type'] ?? ''), count(object['data']), age(object, now)];
}

/** NAME SECRETS AGE. */
export const serviceAccountColumns: Column[] = [nameColumn, stringColumn('Secrets', accountSecrets), ageColumn];

/** The cells of a serviceaccounts row. */
export function serviceAccountCells(object: KubeObject, now: number): Array<string | number> {
	return [object.metadata.name ?? '', count(object['secrets']), age(object, now)];
}
