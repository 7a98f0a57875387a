import type { IncomingHttpHeaders } from 'node:http';

/**
 * A subgraph's headers, read-mostly: what the gateway's data source asks of them (`get`, `has`,
 * iteration) over one Map of lower-case names. The WHATWG `Headers` validates and normalises
 * every name and value on the way in, work the gateway paid on every fetch for headers it
 * reads one or two of.
 */
export class SubgraphHeaders implements Iterable<[string, string]> {
  private readonly map = new Map<string, string>();

  constructor(raw: IncomingHttpHeaders | Iterable<[string, string]> = {}) {
    const entries: Iterable<[string, string | string[] | undefined]> =
      Symbol.iterator in raw ? (raw as Iterable<[string, string]>) : Object.entries(raw);
    for (const [name, value] of entries) {
      if (Array.isArray(value)) for (const each of value) this.append(name, each);
      else if (value !== undefined) this.append(name, value);
    }
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const known = this.map.get(key);
    this.map.set(key, known === undefined ? value : `${known}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/**
 * A subgraph's answer, its body already read as text: the fetch-style response
 * RemoteGraphQLDataSource expects (status, ok, headers, `json()`, `text()`), without building
 * a WHATWG `Response` and its body stream for a body that has already arrived whole.
 */
export class SubgraphAnswer {
  readonly url: string;
  readonly redirected = false;
  readonly statusText = '';
  readonly headers: SubgraphHeaders;
  private used = false;

  constructor(
    readonly status: number,
    headers: SubgraphHeaders,
    private readonly body: string,
    url = '',
  ) {
    this.headers = headers;
    this.url = url;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get bodyUsed(): boolean {
    return this.used;
  }
  private consume(): string {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.body;
  }
  async text(): Promise<string> {
    return this.consume();
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.consume()) as unknown;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.consume());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  clone(): SubgraphAnswer {
    return new SubgraphAnswer(this.status, new SubgraphHeaders(this.headers), this.body, this.url);
  }
}
