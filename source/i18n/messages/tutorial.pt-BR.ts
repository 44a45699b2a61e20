import type {Translation} from '../types.js';
import type {tutorialEn} from './tutorial.en.js';

/** As mensagens da visão do tutorial em português (a parte do tutorial no catálogo). */
export const tutorialPtBR = {
	'tutorial.title': 'Tutorial',
} as const satisfies Translation<typeof tutorialEn>;
