import type {KubeObject} from '../k8s/types.js';
import type {FieldError} from './status.js';
import {validateMeta} from './validation-meta.js';
import {validatePodSpec} from './validation-pod.js';
import {validateServiceSpec, validateServiceStatus} from './validation-service.js';

/**
 * The field errors of an object about to be stored, as the API server's validation finds
 * them: a write of the main resource validates metadata and spec, a status write metadata
 * and status. Per kind in validation-pod.ts and validation-service.ts.
 */
export function validate(resource: string, object: KubeObject, scope: 'main' | 'status' = 'main'): FieldError[] {
	const errors = validateMeta(resource, object);
	switch (resource) {
		case 'pods': {
			if (scope === 'main') {
				errors.push(...validatePodSpec(object['spec']));
			}

			break;
		}

		case 'services': {
			errors.push(...(scope === 'main' ? validateServiceSpec(object['spec']) : validateServiceStatus(object['spec'], object['status'])));
			break;
		}

		default: {
			break;
		}
	}

	return errors;
}
