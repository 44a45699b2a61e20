// The catalog: both languages have every key with the same placeholders, plurals follow
// Intl.PluralRules, and params are filled (numbers the language's way).
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {
	catalogs,
	formatDate,
	formatNumber,
	formatTime,
	type Message,
	type MessageKey,
	setLanguage,
	t,
	text,
} from '../../source/i18n/index.js';
import {pluralCategory} from '../../source/i18n/catalog.js';
import {byteCount} from '../../source/ui/components/forward-list.js';

afterEach(() => setLanguage('en'));

const placeholders = (message: Message) =>
	[
		...new Set(
			(typeof message === 'string' ? [message] : Object.values(message)).flatMap(text =>
				[...text.matchAll(/\{(\w+)\}/g)].map(match => match[1]),
			),
		),
	]
		.concat(typeof message === 'string' ? [] : ['count'])
		.filter((name, index, all) => all.indexOf(name) === index)
		.sort();

/** What is wrong between two languages' messages: keys only one has, or placeholders, or shapes, that differ. */
function differences(english: Record<string, Message>, other: Record<string, Message>): string[] {
	const problems: string[] = [];
	for (const key of Object.keys(english)) {
		if (!(key in other)) {
			problems.push(`${key}: missing`);
		} else if (typeof english[key] !== typeof other[key]) {
			problems.push(`${key}: plural in one language only`);
		} else if (placeholders(english[key]!).join() !== placeholders(other[key]!).join()) {
			problems.push(`${key}: placeholders ${placeholders(english[key]!)} ≠ ${placeholders(other[key]!)}`);
		}
	}
	for (const key of Object.keys(other)) {
		if (!(key in english)) {
			problems.push(`${key}: not in English`);
		}
	}
	return problems;
}

test('Portuguese has exactly the English keys, with the same placeholders and the same plural messages', () => {
	assert.deepEqual(differences(catalogs.en, catalogs['pt-BR']), []);
	assert.ok(Object.keys(catalogs.en).length > 20, 'the catalog has its messages');
});

test('the check sees a missing key, an extra key and a renamed placeholder', () => {
	const english = {a: 'one {name}', b: 'two', c: {one: '{count} pod', other: '{count} pods'}};
	assert.deepEqual(differences(english, {a: 'um {nome}', c: '{count} pods', d: 'x'}), [
		'a: placeholders name ≠ nome',
		'b: missing',
		'c: plural in one language only',
		'd: not in English',
	]);
});

/** Messages Brazilian Kubernetes users read as they are in English (pod, logs, shell, namespace, YAML, kpods' own header). */
const sameInBothLanguages = new Set([
	'hint.logs',
	'hint.shell',
	'hint.namespace',
	'help.pane.pods',
	'pane.pods',
	'pane.namespaces',
	'kind.namespaces',
	'header.where',
	'header.sandbox',
	'detail.yaml',
	'logs.title',
	'logs.servicePods',
	'prompt.namespace',
	'field.namespace',
	'kind.pods',
	'kind.endpoints',
	'switch.namespace',
	'forward.failed',
	'endpoints.pod',
	'pane.tutorial',
]);

test('no message is empty, and no Portuguese message is the English one unless listed as a word used as is', () => {
	for (const [key, message] of Object.entries(catalogs['pt-BR'])) {
		const texts = typeof message === 'string' ? [message] : Object.values(message);
		assert.ok(
			texts.every(text => text.trim() !== ''),
			`${key} is empty`,
		);
		const english = catalogs.en[key as keyof typeof catalogs.en];
		assert.ok(
			sameInBothLanguages.has(key) || JSON.stringify(message) !== JSON.stringify(english),
			`${key} is the English text: translate it, or list it in sameInBothLanguages`,
		);
	}
});

test('plural messages are chosen by Intl.PluralRules of the language, on count', () => {
	assert.equal(t('apply.objects', {count: 1}), '1 object');
	assert.equal(t('apply.objects', {count: 2}), '2 objects');
	assert.equal(t('logs.servicePods', {count: 0}), '0 pods');
	setLanguage('pt-BR');
	assert.equal(t('apply.objects', {count: 1}), '1 objeto');
	assert.equal(t('apply.objects', {count: 3}), '3 objetos');
	// CLDR's Portuguese puts 0 with 1 ("one"), unlike English: a message without a zero form says "0 pod".
	assert.equal(t('logs.servicePods', {count: 0}), '0 pod');
	assert.equal(t('apply.applied', {count: 1, counts: t('apply.created', {count: 1})}), '1 objeto aplicado: 1 criado');
	assert.equal(t('apply.applied', {count: 2, counts: t('apply.created', {count: 2})}), '2 objetos aplicados: 2 criados');
});

/**
 * Every plural message at 0, read in both languages. Where kpods can show 0, the message has a
 * zero form in both ("nenhum objeto", not CLDR's "0 objeto"); the others are never called with 0,
 * and the reason is here, so a new plural message cannot go unchecked.
 */
const atZero: Record<string, {en: string; pt: string} | {never: string}> = {
	'apply.objects': {en: 'no objects', pt: 'nenhum objeto'},
	'apply.applied': {never: "files that hold no object get kubectl apply's error before any question (applyDocuments: refused)"},
	'apply.question': {never: "files that hold no object get kubectl apply's error before any question (applyDocuments: refused)"},
	'logs.lines': {en: 'no lines', pt: 'nenhuma linha'},
	'health.ok': {never: 'the header lists only the health words whose count is above 0'},
	'health.progressing': {never: 'the header lists only the health words whose count is above 0'},
	'health.warning': {never: 'the header lists only the health words whose count is above 0'},
	'health.failed': {never: 'the header lists only the health words whose count is above 0'},
	'health.completed': {never: 'the header lists only the health words whose count is above 0'},
	'health.terminating': {never: 'the header lists only the health words whose count is above 0'},
	'apply.created': {never: 'applyCounts names only the results that occur'},
	'apply.configured': {never: 'applyCounts names only the results that occur'},
	'apply.unchanged': {never: 'applyCounts names only the results that occur'},
	'apply.failed': {never: 'applyCounts names only the results that occur'},
	'logs.servicePods': {never: 'service logs open only with a pod behind the endpoints (logs.noPods otherwise)'},
	'logs.ofService': {never: 'service logs open only with a pod behind the endpoints (logs.noPods otherwise)'},
	'why.targetPortUnknown': {never: 'no matching pod is why.noPodMatches'},
	'why.noneReady': {never: 'no matching pod is why.noPodMatches'},
	'why.notPublished': {never: 'no ready pod is why.noneReady'},
};

test('every plural message is checked at 0: a zero form in both languages where kpods can show 0', () => {
	const plural = Object.keys(catalogs.en).filter(key => typeof catalogs.en[key as keyof typeof catalogs.en] !== 'string');
	assert.deepEqual(plural.sort(), Object.keys(atZero).sort(), 'a plural message added or gone: say how it reads at 0');
	const params = {count: 0, counts: ''};
	for (const [key, expected] of Object.entries(atZero)) {
		if ('never' in expected) {
			continue;
		}
		setLanguage('en');
		assert.equal(text(key as MessageKey, params), expected.en, key);
		setLanguage('pt-BR');
		assert.equal(text(key as MessageKey, params), expected.pt, key);
	}
});

test('params fill their placeholders; numbers are written the language’s way, text as it is', () => {
	assert.equal(t('cli.needsValue', {flag: '--context'}), '--context needs a value');
	assert.equal(t('apply.objects', {count: 12_345}), '12,345 objects');
	assert.equal(t('cli.badPort', {value: '70000'}), '--port must be a port number (0-65535), not 70000');
	setLanguage('pt-BR');
	assert.equal(t('cli.needsValue', {flag: '--context'}), '--context precisa de um valor');
	assert.equal(t('apply.objects', {count: 12_345}), '12.345 objetos');
	assert.equal(formatNumber(0.5), '0,5');
	assert.equal(formatNumber(0.5, 'en'), '0.5');
	const date = new Date(2026, 10, 30, 12, 5, 9);
	assert.match(formatDate(date), /30 de nov\. de 2026.*12:05:09/);
	assert.match(formatDate(date, 'en'), /Nov 30, 2026.*12:05:09/);
	assert.equal(formatTime(date), '12:05:09');
	assert.equal(formatTime(date, 'en'), '12:05:09');
	// The port-forward list's byte counts are kpods' own numbers: a decimal comma in Portuguese.
	assert.equal(byteCount(4200), '4,1KiB');
	setLanguage('en');
	assert.equal(byteCount(4200), '4.1KiB');
	assert.equal(byteCount(1000), '1000B');
});

test('whole numbers and their plurals are written as Intl writes them, without asking Intl', () => {
	const wholes = [0, 1, 2, 9, 10, 99, 100, 999, 1000, 1001, 9999, 12_345, 100_000, 999_999, 1_000_000, 1_000_001, 2_000_000, 12_345_678];
	for (let value = 0; value < 3000; value += 7) {
		wholes.push(value);
	}
	for (const language of ['en', 'pt-BR'] as const) {
		const format = new Intl.NumberFormat(language);
		const rules = new Intl.PluralRules(language);
		setLanguage(language);
		for (const value of [...wholes, ...wholes.map(whole => -whole), Number.MAX_SAFE_INTEGER]) {
			assert.equal(formatNumber(value), format.format(value), `${language} ${value}`);
		}
		for (const count of [...wholes, 3_000_000, 1_000_000_000, 1_500_000]) {
			assert.equal(pluralCategory(count, language), rules.select(count), `${language} ${count}`);
		}
	}
	// What is not a whole number still goes to Intl.
	assert.equal(formatNumber(-0, 'en'), '-0');
	assert.equal(formatNumber(1234.5, 'pt-BR'), '1.234,5');
	assert.equal(formatNumber(1e21, 'en'), new Intl.NumberFormat('en').format(1e21));
	setLanguage('en');
});
