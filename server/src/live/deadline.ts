/**
 * Runs one piece of asynchronous work under a deadline and a caller's cancellation. The work gets
 * an AbortSignal to pass down (to fetch); a hard timer settles the result anyway, so work that
 * ignores the signal (a credential plugin that hangs, a TLS handshake that never starts) still
 * ends on time. Late results and late rejections are swallowed: never an unhandled rejection.
 */

/** Why the deadline ended the work. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';

  /** @param reason `timeout` when the timer fired, `cancelled` when the caller aborted */
  constructor(readonly reason: 'timeout' | 'cancelled') {
    super(reason === 'timeout' ? 'deadline exceeded' : 'cancelled');
  }
}

/**
 * Resolves or rejects like `work`, unless `timeoutMs` passes first (rejects with
 * `DeadlineExceeded('timeout')`) or `signal` aborts first (`DeadlineExceeded('cancelled')`). In
 * both cases the signal given to `work` is aborted so it can stop.
 */
export function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCancel);
      finish();
    };
    const end = (reason: 'timeout' | 'cancelled'): void => {
      const error = new DeadlineExceeded(reason);
      settle(() => reject(error));
      controller.abort(error);
    };
    const onCancel = (): void => end('cancelled');
    const timer = setTimeout(() => end('timeout'), timeoutMs);

    if (signal?.aborted) {
      end('cancelled');
      return;
    }
    signal?.addEventListener('abort', onCancel, { once: true });
    let running: Promise<T>;
    try {
      running = work(controller.signal);
    } catch (e) {
      settle(() => reject(e));
      return;
    }
    running.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}
