import type {KubeObject} from '../k8s/types.js';
import {isDns1035Label, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue} from '../k8s/names.js';
import {invalidValue, requiredValue, type FieldError} from './status.js';
import {isObject} from './meta.js';

/** The most all of an object's annotations may hold (keys and values, in bytes). */
export const totalAnnotationSizeLimit = 256 * 1024;

function nameRule(resource: string): (value: string) => string[] {
	switch (resource) {
		case 'services': {
			return isDns1035Label;
		}

		case 'namespaces': {
			return isDns1123Label;
		}

		default: {
			return isDns1123Subdomain;
		}
	}
}

/** ValidateObjectMeta: the name by the resource's rule, labels, annotations (keys and total size). */
export function validateMeta(resource: string, object: KubeObject): FieldError[] {
	const errors: FieldError[] = [];
	const {name, labels, annotations} = object.metadata;
	if (!name) {
		errors.push(requiredValue('metadata.name', 'name or generateName is required'));
	} else {
		for (const message of nameRule(resource)(name)) {
			errors.push(invalidValue('metadata.name', name, message));
		}
	}

	errors.push(...validateLabels(labels, 'metadata.labels'), ...validateAnnotations(annotations));
	return errors;
}

/** Label keys must be qualified names, values valid label values. */
export function validateLabels(labels: unknown, field: string): FieldError[] {
	const errors: FieldError[] = [];
	if (!isObject(labels)) {
		return errors;
	}

	for (const [key, value] of Object.entries(labels)) {
		for (const message of isQualifiedName(key)) {
			errors.push(invalidValue(field, key, message));
		}

		for (const message of isValidLabelValue(String(value))) {
			errors.push(invalidValue(field, value, message));
		}
	}

	return errors;
}

// Annotation keys are qualified names in any case; all of them together at most 256 KiB.
function validateAnnotations(annotations: unknown): FieldError[] {
	if (!isObject(annotations)) {
		return [];
	}

	const errors: FieldError[] = [];
	let size = 0;
	for (const [key, value] of Object.entries(annotations)) {
		for (const message of isQualifiedName(key.toLowerCase())) {
			errors.push(invalidValue('metadata.annotations', key, message));
		}

		size += Buffer.byteLength(key) + Buffer.byteLength(String(value));
	}

	if (size > totalAnnotationSizeLimit) {
		errors.push({
			type: 'FieldValueTooLong',
			field: 'metadata.annotations',
			message: `Too long: may not be more than ${totalAnnotationSizeLimit} bytes`,
		});
	}

	return errors;
}

/**
 * ValidateObjectMetaUpdate's refusal of a new uid. The registry checks the common fields and
 * then the kind's own update validation checks them again, so a real server reports it twice
 * (the message shows it once).
 */
export function validateMetaUpdate(old: KubeObject, next: KubeObject): FieldError[] {
	const uid = next.metadata?.uid;
	if (!uid || uid === old.metadata.uid) {
		return [];
	}

	const error = invalidValue('metadata.uid', uid, 'field is immutable');
	return [error, error];
}
