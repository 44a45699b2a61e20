// Every scenario of the suite: each other file in this folder exports `scenarios` (one file per
// area, so adding rows in one area never conflicts with another).
import {readdirSync} from 'node:fs';
import type {Scenario} from '../types.js';

/** All scenarios, area files in name order; throws on a duplicate id. */
export async function loadScenarios(): Promise<Scenario[]> {
	const folder = new URL('./', import.meta.url);
	const files = readdirSync(folder)
		.filter(file => /\.ts$/.test(file) && file !== 'index.ts')
		.sort();
	const all: Scenario[] = [];
	for (const file of files) {
		const module = (await import(new URL(file, folder).href)) as {scenarios?: Scenario[]};
		all.push(...(module.scenarios ?? []));
	}

	const seen = new Set<string>();
	for (const scenario of all) {
		if (seen.has(scenario.id) || !/^[a-z\d][a-z\d-]*$/.test(scenario.id)) {
			throw new Error(`conformance scenario id ${scenario.id}: duplicate or not DNS-label characters`);
		}

		seen.add(scenario.id);
	}

	return all;
}
