import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A problem a person can fix before the local runtime can start. */
export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreflightError';
  }
}

/** Finds Java 17 or later for DynamoDB Local, or says which package to install. */
export async function requireJava(javaCommand = 'java'): Promise<string> {
  const install = 'install it with `apt-get install openjdk-17-jre-headless` (Debian/Ubuntu) or any Java 17+ runtime';
  let output: string;
  try {
    const { stderr, stdout } = await run(javaCommand, ['-version']);
    output = `${stderr}${stdout}`;
  } catch {
    throw new PreflightError(`Java was not found: DynamoDB Local needs Java 17 or later; ${install}.`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17) {
    throw new PreflightError(`Java ${major || '(unknown version)'} was found; DynamoDB Local needs Java 17 or later; ${install}.`);
  }
  return javaCommand;
}

/** Claims a port on the host; resolves to the port (a free one when `port` is 0), or says who to ask. */
export function reservePort(host: string, port: number, service: string, variable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new PreflightError(
          error.code === 'EADDRINUSE'
            ? `port ${port} (${service}) is taken by another program: stop it, or choose another port with ${variable}=<port>.`
            : `cannot listen on ${host}:${port} for ${service}: ${error.message}`,
        ),
      );
    });
    server.listen(port, host, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(chosen));
    });
  });
}
