import type {Translation} from '../../types.js';
import type {servicesEn} from '../en/services.js';

/** O que o kpods diz sobre os endpoints de um serviço: o estado de cada um, e por que nenhum está pronto. */
export const servicesPtBR = {
	'endpoint.ready': 'pronto',
	'endpoint.notReady': 'não pronto',
	'endpoint.terminating': 'encerrando',
	'why.externalName': 'um serviço ExternalName não tem endpoints: o DNS responde com {name}',
	'why.externalNameUnset': 'o externalName dele',
	'why.noSelector': 'sem seletor: este serviço não escolhe pods sozinho; os endpoints dele são os que alguém escreveu à mão',
	'why.noPodMatches': 'o seletor {selector} não pega nenhum pod no namespace {namespace}',
	'why.targetPortUnknown': {
		one: 'o targetPort {names} não bate com nenhuma porta do {count} pod selecionado (ele tem {ports})',
		other: 'o targetPort {names} não bate com nenhuma porta dos {count} pods selecionados (eles têm {ports})',
	},
	'why.noneReady': {
		one: '{count} pod bate com {selector}, mas não está pronto ({states})',
		other: '{count} pods batem com {selector}, mas nenhum está pronto ({states})',
	},
	'why.more': ', +{count}',
	'why.notPublished': {
		one: '{count} pod pronto bate com {selector}; os endpoints ainda não foram publicados',
		other: '{count} pods prontos batem com {selector}; os endpoints ainda não foram publicados',
	},
	'why.undeclaredPort': 'o targetPort {targets} não é uma porta que os pods selecionados declaram (eles têm {ports})',
	'why.noDeclaredPorts': 'nenhuma porta declarada',
} as const satisfies Translation<typeof servicesEn>;
