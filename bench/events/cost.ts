import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '../../scripts/lib/platform.js';
import { BENCH_DIR } from './ports.js';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (100 on Linux everywhere). */
const TICKS_PER_SECOND = 100;

/** CPU time a process has used so far, in ms (undefined off Linux or once it is gone). */
function cpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function serverPid(name: 'mongo' | 'kafka'): number | undefined {
  try {
    return (JSON.parse(readFileSync(join(BENCH_DIR, `${name}.pid`), 'utf8')) as { pid?: number }).pid;
  } catch {
    return undefined;
  }
}

/** `courtyard_mongo_commands_total` of one subgraph, by `client/command`. */
async function mongoCommands(baseUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^courtyard_mongo_commands_total\{([^}]*)\} (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries(
      [...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
    );
    counts.set(`${labels.client}/${labels.command}`, Number(match[2]));
  }
  return counts;
}

/**
 * What a measured window cost, per unit of work: the CPU time of the gateway, the subgraph that
 * does the work, every other subgraph, the MongoDB-wire server and Kafka (and their total), the
 * bench's own process (not in the total), and the subgraph's MongoDB commands by
 * connection role (api = the request, relay, consumer). Unlike latencies on a shared machine,
 * these hardly move with the load other processes put on it, so before/after compares them.
 */
export async function costMeter(platform: Platform, subgraph: string) {
  const service = platform.subgraphs.get(subgraph);
  if (!service) throw new Error(`no subgraph ${subgraph}`);
  // The subgraph doing the work first, then every other one (their consumers read the same
  // topic), so `total` is what the whole platform spent per unit.
  const others = [...platform.subgraphs].filter(([name]) => name !== subgraph);
  const processes: Record<string, number | undefined> = {
    gateway: platform.gateway.child.pid,
    [subgraph]: service.child.pid,
    ...Object.fromEntries(others.map(([name, other]) => [name, other.child.pid])),
    mongo: serverPid('mongo'),
    kafka: serverPid('kafka'),
    // The load itself (the clients and the arrival consumer) runs on the same two cores: shown
    // beside the rest, left out of `total`, which is what the platform spent.
    bench: process.pid,
  };
  const cpuNow = () => Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMs(pid)]));
  const cpuBefore = cpuNow();
  const commandsBefore = await mongoCommands(service.baseUrl);
  return async (units: number) => {
    const cpuAfter = cpuNow();
    const commandsAfter = await mongoCommands(service.baseUrl);
    const per = (value: number) => Number((value / Math.max(1, units)).toFixed(2));
    const cpuMsPerUnit = Object.fromEntries(
      Object.keys(processes).flatMap((name) => {
        const before = cpuBefore[name];
        const after = cpuAfter[name];
        return before === undefined || after === undefined ? [] : [[name, per(after - before)]];
      }),
    );
    const mongoCommandsPerUnit = Object.fromEntries(
      [...commandsAfter]
        .map(([key, count]) => [key, per(count - (commandsBefore.get(key) ?? 0))] as const)
        .filter(([, count]) => count > 0)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    const total = Object.entries(cpuMsPerUnit)
      .filter(([name]) => name !== 'bench')
      .reduce((sum, [, ms]) => sum + ms, 0);
    return { cpuMsPerUnit: { ...cpuMsPerUnit, total: Number(total.toFixed(2)) }, mongoCommandsPerUnit };
  };
}
