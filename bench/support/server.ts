import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processCpuMs, rssMiB } from './proc.js';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../../src/main.js');
const READY_WITHIN_MS = 120_000;

export interface ServerOptions {
  env: Record<string, string>;
  /** Where the program's stdout and stderr go (its JSON logs), as a file would in production. */
  logFile: string;
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/** The BUILT program (`node dist/src/main.js`) as a child process: what an operator runs. */
export class BuiltServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** Starts it on a port the system picks (PORT=0); the program says which when it is ready. */
  static async start(options: ServerOptions): Promise<BuiltServer> {
    const log = openSync(options.logFile, 'a');
    const offset = statSync(options.logFile).size;
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], {
      env: { PATH: process.env.PATH ?? '', ...options.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    const deadline = Date.now() + READY_WITHIN_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}); see ${options.logFile}`);
      const url = /process ready at (http:\/\/[\d.]+:\d+)\/api/.exec(readFileSync(options.logFile).subarray(offset).toString('utf8'))?.[1];
      if (url && (await fetch(`${url}/api/health`).then((r) => r.status, () => 0)) === 200) return new BuiltServer(child, url);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    child.kill('SIGTERM');
    throw new Error(`the server did not become healthy within ${READY_WITHIN_MS / 1000} s; see ${options.logFile}`);
  }

  get pid(): number {
    return this.child.pid!;
  }

  cpuMs(): number {
    return processCpuMs(this.pid) ?? NaN;
  }

  rssMiB(): number {
    return rssMiB(this.pid) ?? NaN;
  }

  /** SIGTERM, as an operator stops it; the program drains and exits (a CPU profile is written then). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await exited;
  }
}
