import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP hop in front of a subgraph that a test can make hang (a subgraph slower than the
 * gateway's budget); when the subgraph behind it is stopped, the hop fails as a dead host does.
 */
export class FaultProxy {
  mode: 'pass' | 'hang' = 'pass';
  private readonly held = new Set<http.ServerResponse>();
  private readonly server: http.Server;

  constructor(private readonly target: URL) {
    this.server = http.createServer((req, res) => {
      if (this.mode === 'hang') {
        this.held.add(res);
        return;
      }
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => req.socket.destroy());
      req.pipe(upstream);
    });
  }

  async start(port: number): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.target.pathname}`;
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
