// kubectl's client-side schema validation, for servers that cannot validate a write themselves
// (no `fieldValidation`, before 1.25; v1.20 is one): the server's OpenAPI v2 document, and the
// errors kube-openapi's validator gives — unknown fields, missing required fields, wrong types —
// worded as kubectl prints them. The same document gives each field's patch strategy and merge
// key, as kubectl takes them from it.
import {isJsonMap, type Json, type JsonMap} from './go-json.js';
import type {FieldPatchMeta, PatchSchema} from './patch-meta.js';

/** One schema of the document (a definition, a property, an array's items). */
interface Schema {
	$ref?: string;
	type?: string;
	properties?: Record<string, Schema>;
	additionalProperties?: Schema | boolean;
	items?: Schema;
	required?: string[];
	'x-kubernetes-patch-strategy'?: string;
	'x-kubernetes-patch-merge-key'?: string;
	'x-kubernetes-group-version-kind'?: Array<{group: string; version: string; kind: string}>;
}

/** The parts of an OpenAPI v2 document kpods reads. */
export interface OpenApiDocument {
	definitions?: Record<string, Schema>;
	paths?: Record<string, Record<string, {parameters?: Array<{name?: string}>}>>;
}

/** A server's OpenAPI v2, indexed by kind. */
export class OpenApiSchemas {
	private readonly byKind = new Map<string, string>();
	private readonly patchSchemas = new Map<string, PatchSchema>();
	/** True when the server takes `fieldValidation` and so validates writes itself. */
	readonly serverValidates: boolean;

	constructor(private readonly document: OpenApiDocument) {
		for (const [name, definition] of Object.entries(document.definitions ?? {})) {
			for (const gvk of definition['x-kubernetes-group-version-kind'] ?? []) {
				this.byKind.set(gvkKey(gvk.group, gvk.version, gvk.kind), name);
			}
		}
		this.serverValidates = Object.values(document.paths ?? {}).some(operations =>
			Object.values(operations).some(operation => operation.parameters?.some(parameter => parameter.name === 'fieldValidation')),
		);
	}

	/**
	 * kubectl's validation errors for an object of a kind the document knows (none for a kind it
	 * does not know, as kubectl skips those).
	 *
	 * @example validate('v1', 'Pod', pod) // ['ValidationError(Pod.spec.containers[0]): unknown field "imagee" in io.k8s.api.core.v1.Container']
	 */
	validate(apiVersion: string, kind: string, object: JsonMap): string[] {
		const name = this.definitionName(apiVersion, kind);
		if (!name) {
			return [];
		}
		const errors: string[] = [];
		this.check(object, {$ref: `#/definitions/${name}`}, kind, name, errors);
		return errors;
	}

	/** The patch strategies and merge keys of a kind, from the document; undefined for a kind it does not know. */
	patchSchema(apiVersion: string, kind: string): PatchSchema | undefined {
		const name = this.definitionName(apiVersion, kind);
		return name ? this.patchSchemaOf(name) : undefined;
	}

	private definitionName(apiVersion: string, kind: string): string | undefined {
		const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
		return this.byKind.get(gvkKey(group, version, kind));
	}

	private resolve(schema: Schema, path: string): {schema: Schema; path: string} {
		let current = schema;
		let at = path;
		for (let depth = 0; current.$ref && depth < 20; depth++) {
			at = current.$ref.replace('#/definitions/', '');
			current = this.document.definitions?.[at] ?? {};
		}
		return {schema: current, path: at};
	}

	// kube-openapi's validation walk: item path as kubectl names it (Pod.spec.containers[0]),
	// schema path as the document names it (io.k8s.api.core.v1.Container).
	private check(value: Json, declared: Schema, itemPath: string, schemaPath: string, errors: string[]): void {
		const {schema, path} = this.resolve(declared, schemaPath);
		const actual = itemKind(value);
		const invalid = (expected: string): void => {
			errors.push(`ValidationError(${itemPath}): invalid type for ${path}: got "${actual}", expected "${expected}"`);
		};
		const shape = schemaShape(schema);
		if (shape === 'arbitrary') {
			return;
		}
		if (shape === 'kind' || shape === 'map') {
			if (!isJsonMap(value)) {
				invalid('map');
				return;
			}
			for (const key of Object.keys(value).sort()) {
				const inner = value[key];
				if (inner === null || inner === undefined) {
					continue;
				}
				const field =
					shape === 'kind' ? schema.properties![key] : typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
				if (!field) {
					errors.push(`ValidationError(${itemPath}): unknown field "${key}" in ${path}`);
					continue;
				}
				this.check(inner, field, `${itemPath}.${key}`, `${path}.${key}`, errors);
			}
			for (const required of shape === 'kind' ? (schema.required ?? []) : []) {
				if (value[required] === null || value[required] === undefined) {
					errors.push(`ValidationError(${itemPath}): missing required field "${required}" in ${path}`);
				}
			}
			return;
		}
		if (shape === 'array') {
			if (!Array.isArray(value)) {
				invalid('array');
				return;
			}
			value.forEach((item, index) => {
				if (item === null) {
					errors.push(`ValidationError(${itemPath}[${index}]): unknown object type "nil" in ${itemPath}[${index}]`);
				} else {
					this.check(item, schema.items ?? {}, `${itemPath}[${index}]`, path, errors);
				}
			});
			return;
		}
		// Primitives: a string takes anything, a number takes any number (kube-openapi's rules).
		if (schema.type === 'string') {
			return;
		}
		if ((schema.type === 'integer' || schema.type === 'number') && (actual === 'integer' || actual === 'number')) {
			return;
		}
		if (schema.type === 'boolean' && actual === 'boolean') {
			return;
		}
		invalid(schema.type ?? '');
	}

	private patchSchemaOf(name: string): PatchSchema {
		const known = this.patchSchemas.get(name);
		if (known) {
			return known;
		}
		const fields: Record<string, FieldPatchMeta> = {};
		// Registered before its fields are built: definitions refer to themselves (JSONSchemaProps).
		this.patchSchemas.set(name, fields);
		for (const [field, property] of Object.entries(this.document.definitions?.[name]?.properties ?? {})) {
			const strategy = property['x-kubernetes-patch-strategy'];
			const target =
				property.$ref ??
				property.items?.$ref ??
				(typeof property.additionalProperties === 'object' ? property.additionalProperties.$ref : undefined);
			const schemas = this;
			fields[field] = {
				strategies: strategy ? (strategy.split(',') as FieldPatchMeta['strategies']) : undefined,
				mergeKey: property['x-kubernetes-patch-merge-key'],
				get schema() {
					return target ? schemas.patchSchemaOf(target.replace('#/definitions/', '')) : undefined;
				},
			};
		}
		return fields;
	}
}

function gvkKey(group: string, version: string, kind: string): string {
	return `${group}/${version}/${kind}`;
}

/** kube-openapi's parse of a schema: a struct (kind), a map, an array, a primitive, or anything. */
function schemaShape(schema: Schema): 'kind' | 'map' | 'array' | 'primitive' | 'arbitrary' {
	if (schema.type === undefined) {
		return schema.properties ? 'kind' : 'arbitrary';
	}
	// An object with neither properties nor a value schema is a map of anything.
	if (schema.type === 'object') {
		return schema.properties ? 'kind' : 'map';
	}
	return schema.type === 'array' ? 'array' : 'primitive';
}

/** How kube-openapi names the type of a decoded value. */
function itemKind(value: Json): string {
	if (Array.isArray(value)) {
		return 'array';
	}
	if (isJsonMap(value)) {
		return 'map';
	}
	if (typeof value === 'number') {
		return Number.isInteger(value) ? 'integer' : 'number';
	}
	return typeof value;
}
