import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the server, so a test can cut a browser's connection the way a
 * network does (every socket dropped, new ones refused) and restore it.
 */
export async function startProxy(targetPort: number): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  const open = new Set<Socket>();
  let allowed = true;
  const server: Server = createServer((client) => {
    if (!allowed) return client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    cut() {
      allowed = false;
      for (const s of open) s.destroy();
      open.clear();
    },
    restore() {
      allowed = true;
    },
    close: () => new Promise((r) => { for (const s of open) s.destroy(); server.close(() => r()); }),
  };
}
