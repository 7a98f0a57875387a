import type { ChildProcess } from 'node:child_process';
import http from 'node:http';

/**
 * What a client saw of one request: `ok` (the answer carries what it wrote), `refused` (told to
 * go elsewhere: 503 SERVICE_STOPPING, or no listener any more), `cut` (the connection closed with
 * no answer: the client cannot tell whether it was written), or `error` (any other answer).
 */
export type Outcome = 'ok' | 'refused' | 'cut' | 'error';

export interface WriteRecord {
  key: string;
  outcome: Outcome;
  /** Sent before the signal and answered after it: in flight when it arrived. */
  inFlightAtSignal: boolean;
  detail?: string;
}

/**
 * One writer's client: a single kept-alive connection (as a pooled client holds one), so that
 * "in flight when the signal came" means a request the server had a connection for; a
 * connection still being opened at that moment is the listener's to reset, not a drain's.
 */
export function singleConnectionClient(url: string, headers: Record<string, string>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  return {
    close: () => agent.destroy(),
    post: (body: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = http.request(
          target,
          { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
            );
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      }),
  };
}

/** Classifies an HTTP answer (or the failure) of a write whose result names `key`. */
export async function classify(
  request: Promise<{ status: number; text: string }>,
  wrote: (body: unknown) => string | undefined,
  key: string,
): Promise<{ outcome: Outcome; detail?: string }> {
  let response: { status: number; text: string };
  try {
    response = await request;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ECONNREFUSED'
      ? { outcome: 'refused', detail: 'ECONNREFUSED' }
      : { outcome: 'cut', detail: String(code ?? error) };
  }
  let body: { errors?: Array<{ extensions?: { code?: string } }> } | undefined;
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    return { outcome: 'error', detail: `${response.status} not JSON` };
  }
  const codes = (body?.errors ?? []).map((error) => error.extensions?.code);
  if (response.status === 503 && codes.every((code) => code === 'SERVICE_STOPPING')) {
    return { outcome: 'refused', detail: 'SERVICE_STOPPING' };
  }
  if (response.status === 200 && codes.length === 0 && wrote(body) === key) return { outcome: 'ok' };
  return { outcome: 'error', detail: `${response.status} ${codes.join(',')}` };
}

/**
 * `writers` concurrent clients each send writes in a loop (at most `maxPerWriter`); once `okBefore`
 * writes have succeeded and every writer
 * has had an answer (its connection open), the process gets SIGTERM. A writer stops at its first refusal after the
 * signal. Resolves with every request's record and how the process exited.
 */
export async function writeThroughShutdown(options: {
  child: ChildProcess;
  writers: number;
  maxPerWriter: number;
  okBefore: number;
  /** A writer's client; its first request warms its connection before the count starts. */
  send: (writer: number, key: string) => Promise<{ outcome: Outcome; detail?: string }>;
  keyOf: (writer: number, n: number) => string;
}): Promise<{ records: WriteRecord[]; exit: { code: number | null; signal: NodeJS.Signals | null } }> {
  const { child } = options;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let signalled = false;
  let exited = false;
  void exit.then(() => (exited = true));
  const records: WriteRecord[] = [];
  const warm = new Set<number>();
  const writer = async (w: number) => {
    for (let n = 0; n < options.maxPerWriter; n += 1) {
      const key = options.keyOf(w, n);
      const sentBefore = !signalled;
      const { outcome, detail } = await options.send(w, key);
      records.push({
        key,
        outcome,
        inFlightAtSignal: sentBefore && signalled,
        ...(detail ? { detail } : {}),
      });
      warm.add(w);
      const ok = records.filter((r) => r.outcome === 'ok').length;
      if (!signalled && warm.size === options.writers && ok >= options.okBefore) {
        signalled = true;
        child.kill('SIGTERM');
      }
      if (signalled && (outcome !== 'ok' || exited)) return;
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  if (!signalled) {
    signalled = true;
    child.kill('SIGTERM');
  }
  return { records, exit: await exit };
}

export const tally = (records: WriteRecord[]) => ({
  sent: records.length,
  ok: records.filter((r) => r.outcome === 'ok').length,
  refused: records.filter((r) => r.outcome === 'refused').length,
  cut: records.filter((r) => r.outcome === 'cut').length,
  error: records.filter((r) => r.outcome === 'error').length,
  inFlightAtSignal: records.filter((r) => r.inFlightAtSignal).length,
  inFlightAnswered: records.filter((r) => r.inFlightAtSignal && r.outcome === 'ok').length,
});
