/** What an action did, in kubectl's words, and the kubectl command that does the same. */
export interface ActionResult {
	ok: boolean;
	/** The lines kubectl would print, e.g. ['pod/testando created']. */
	lines: string[];
	/** The command a learner would type, e.g. 'kubectl run testando --image=nginx'. */
	kubectl: string;
}
