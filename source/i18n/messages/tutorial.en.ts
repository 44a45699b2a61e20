/** The tutorial view's English messages (the tutorial's own area of the catalog; merged into it by ../catalog.ts). */
export const tutorialEn = {
	'tutorial.title': 'Tutorial',
} as const;
