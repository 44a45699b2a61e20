import {isObject} from './meta.js';
import {
	containerFields as container,
	containerPortFields as containerPort,
	objectMetaFields as objectMeta,
	podSpecFields as podSpec,
	serviceSpecFields as serviceSpec,
	servicePortFields as servicePort,
} from './struct-fields.js';

/**
 * The declared fields of the structs people write by hand (pods, services, their
 * containers and ports, object metadata), for `fieldValidation=Strict|Warn`: a typo such
 * as `imagee` is reported the way the API server's strict decoder reports it. Structs not
 * listed here are not checked.
 */
const top = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

const structs: Record<string, Record<string, string[]>> = {
	pods: {
		'': top,
		metadata: objectMeta,
		spec: podSpec,
		'spec.containers[]': container,
		'spec.initContainers[]': container,
		'spec.containers[].ports[]': containerPort,
		'spec.initContainers[].ports[]': containerPort,
	},
	services: {
		'': top,
		metadata: objectMeta,
		spec: serviceSpec,
		'spec.ports[]': servicePort,
	},
	namespaces: {'': top, metadata: objectMeta},
};

/** Paths of fields a known struct does not declare, as `spec.containers[0].imagee`. */
export function unknownFields(resource: string, object: unknown): string[] {
	const declared = structs[resource];
	if (!declared) {
		return [];
	}

	const found: string[] = [];
	const visit = (value: unknown, schemaPath: string, printedPath: string): void => {
		if (Array.isArray(value)) {
			for (const [index, item] of value.entries()) {
				visit(item, `${schemaPath}[]`, `${printedPath}[${index}]`);
			}

			return;
		}

		if (!isObject(value)) {
			return;
		}

		const fields = declared[schemaPath];
		if (!fields) {
			return;
		}

		for (const [key, child] of Object.entries(value)) {
			const childSchema = schemaPath ? `${schemaPath}.${key}` : key;
			const childPrinted = printedPath ? `${printedPath}.${key}` : key;
			if (!fields.includes(key)) {
				found.push(childPrinted);
				continue;
			}

			visit(child, childSchema, childPrinted);
		}
	};

	visit(object, '', '');
	return found;
}
