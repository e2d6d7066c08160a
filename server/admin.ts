/**
 * The running server's admin socket: PGlite allows one process per data directory, so while a
 * server runs, `npm run api -- token …` and `… import …` hand their arguments to it over a unix
 * socket in the directory (mode 0600: only the user who runs the server can use it) and print
 * what it answers. PostgreSQL needs none of this: commands open their own connection.
 */
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import type { Db } from './db.ts';

const SOCKET = 'admin.sock';

/** Whether a live process holds the directory (its server.pid names a running process). */
export function isHeld(dir: string): boolean {
  try {
    const pid = Number(readFileSync(join(dir, 'server.pid'), 'utf8').trim());
    if (!pid || pid === process.pid) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs one command line (`token create …`, `import …`) against the open store. */
export type RunCommand = (argv: string[], db: Db, print: (line: string) => void) => Promise<void>;

export async function startAdmin(dir: string, db: Db, run: RunCommand): Promise<() => void> {
  const path = join(dir, SOCKET);
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      input += chunk;
      if (input.length > 64 * 1024) socket.destroy();
      if (!input.includes('\n')) return;
      const send = (message: object) => socket.write(`${JSON.stringify(message)}\n`);
      void (async () => {
        try {
          const argv = JSON.parse(input.slice(0, input.indexOf('\n'))) as string[];
          await run(argv, db, (line) => send({ line }));
          send({ done: true });
        } catch (error) {
          send({ error: error instanceof Error ? error.message : String(error) });
        } finally {
          socket.end();
        }
      })();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => done());
  });
  chmodSync(path, 0o600);
  const close = () => {
    server.close();
    rmSync(path, { force: true });
  };
  process.once('exit', close);
  return close;
}

/** Sends a command to the server holding `dir`; prints its lines; throws its error. */
export function askRunningServer(
  dir: string,
  argv: readonly string[],
  print: (line: string) => void,
): Promise<void> {
  const path = join(dir, SOCKET);
  if (!existsSync(path))
    throw new Error(
      `The data directory ${dir} is in use by a running server without an admin socket; stop it first.`,
    );
  return new Promise((done, fail) => {
    const socket = createConnection(path);
    let buffer = '';
    let finished = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(argv)}\n`));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffer.slice(0, i)) as {
          line?: string;
          done?: boolean;
          error?: string;
        };
        buffer = buffer.slice(i + 1);
        if (message.line !== undefined) print(message.line);
        if (message.error !== undefined) {
          finished = true;
          fail(new Error(message.error));
        }
        if (message.done) {
          finished = true;
          done();
        }
      }
    });
    socket.on('error', fail);
    socket.on('close', () => {
      if (!finished)
        fail(new Error('the running server closed the admin socket without an answer'));
    });
  });
}
