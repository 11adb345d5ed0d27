/** Upper bounds (seconds) of the request latency histogram's buckets. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** Routes requests are counted by: fixed names, so no path of a caller's choosing is a label. */
export type RouteName =
  | 'graphql'
  | 'upload'
  | 'job_files'
  | 'job_reference'
  | 'health'
  | 'ready'
  | 'metrics'
  | 'static'
  | 'not_found';

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** Request counts (by method, route, status) and latency histograms (by route), in memory. */
export class HttpMetrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<RouteName, Histogram>();
  private tokenLookups = 0;

  /** Counts one API token looked up in the database (not answered by the cache or a limit). */
  countTokenLookup(): void {
    this.tokenLookups += 1;
  }

  /** Records one finished request. */
  observe(method: string, route: RouteName, status: number, seconds: number): void {
    const key = `method="${method === 'GET' || method === 'POST' ? method : 'OTHER'}",route="${route}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let histogram = this.latency.get(route);
    if (!histogram) {
      histogram = { counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.latency.set(route, histogram);
    }
    LATENCY_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) histogram.counts[i] = (histogram.counts[i] ?? 0) + 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
  }

  /** The Prometheus text exposition of both families. */
  render(): string[] {
    const lines = [
      '# HELP strand_http_requests_total HTTP requests by method, route and status.',
      '# TYPE strand_http_requests_total counter',
      ...[...this.requests].map(([labels, n]) => `strand_http_requests_total{${labels}} ${n}`),
      '# HELP strand_auth_token_lookups_total API tokens looked up in the database.',
      '# TYPE strand_auth_token_lookups_total counter',
      `strand_auth_token_lookups_total ${this.tokenLookups}`,
      '# HELP strand_http_request_duration_seconds HTTP request latency by route.',
      '# TYPE strand_http_request_duration_seconds histogram',
    ];
    for (const [route, h] of this.latency) {
      LATENCY_BUCKETS.forEach((bound, i) =>
        lines.push(
          `strand_http_request_duration_seconds_bucket{route="${route}",le="${bound}"} ${h.counts[i]}`,
        ),
      );
      lines.push(
        `strand_http_request_duration_seconds_bucket{route="${route}",le="+Inf"} ${h.count}`,
        `strand_http_request_duration_seconds_sum{route="${route}"} ${h.sum}`,
        `strand_http_request_duration_seconds_count{route="${route}"} ${h.count}`,
      );
    }
    return lines;
  }
}
