/** Load over loopback with autocannon; paths may vary per request so no figure is one hot row. */
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** 2xx answers, and the run's length in seconds: what rounds of one measurement add up */
  ok: number;
  seconds: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** called for every request: its path (and body) */
  next: () => { path: string; body?: string };
  connections?: number;
  duration?: number;
  /** stop after this many requests (for finite work such as approving records) */
  amount?: number;
}

export async function load(opts: LoadOptions): Promise<LoadResult> {
  // the run's length from its start to its last answer: autocannon's own is counted in sample ticks
  // (100 ms below), which on a round of under a second is an error of a tenth or more
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections ?? 10,
    // autocannon notices the end of a run (`amount` reached) only at its next sample tick: with the
    // default of one second, a 7 s run of finite work was timed as 8 s
    sampleInt: 100,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? 10 }),
    requests: [
      {
        method: opts.method ?? 'GET',
        headers: opts.headers,
        setupRequest: (req: Record<string, unknown>) => {
          const { path, body } = opts.next();
          return { ...req, path, ...(body === undefined ? {} : { body }) };
        },
        onResponse: () => {
          lastAnswerAt = performance.now();
        },
      },
    ],
  });
  const seconds = opts.amount && lastAnswerAt > startedAt ? (lastAnswerAt - startedAt) / 1000 : result.duration || 1;
  const ok = result['2xx'];
  return {
    // completed successful requests per second over the whole run (autocannon's average is per-second samples)
    rps: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    ok,
    seconds,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
