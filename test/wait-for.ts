// The one polling helper of the tests: frames settle, watches deliver and controllers act
// asynchronously, and the machine may be busy, so a test waits for a condition, never a time.

const pollMs = 5;

/**
 * Polls `check` until it holds: it returns something other than `false` (that value is
 * returned) without throwing. After the timeout, the last error is thrown, or one naming what
 * was awaited. Call it as `waitFor(check, 'the frame', 3000)` or `waitFor(check, 3000)`.
 */
export async function waitFor<T>(
	check: () => T | Promise<T>,
	whatOrTimeout?: string | number,
	timeoutMs?: number,
): Promise<Exclude<T, false>> {
	const what = typeof whatOrTimeout === 'string' ? whatOrTimeout : 'condition';
	const limit = typeof whatOrTimeout === 'number' ? whatOrTimeout : (timeoutMs ?? 10_000);
	const deadline = Date.now() + limit;
	for (;;) {
		let failure: unknown;
		try {
			const value = await check();
			if (value !== false) {
				return value as Exclude<T, false>;
			}
		} catch (error) {
			failure = error;
		}

		if (Date.now() > deadline) {
			throw failure ?? new Error(`timed out after ${limit} ms waiting for ${what}`);
		}
		await new Promise(resolve => setTimeout(resolve, pollMs));
	}
}
