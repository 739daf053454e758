// The baseline for bench/positions.mjs: a bare Socket.IO broadcast of each position as it is
// posted. HTTP POST → JSON.parse → io.emit('positions', [p]). No auth, no validation, no
// coalescing, no track file. Run as its own process, like the real server.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../server/package.json', import.meta.url));
const { Server } = require('socket.io');
const port = Number(process.env.PORT);

const http = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/health') return res.end('{"status":"ok"}');
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const teamId = decodeURIComponent(req.url.split('/')[3] ?? '');
    io.emit('positions', [{ teamId, ...JSON.parse(body) }]);
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end('{"accepted":1}');
  });
});
const io = new Server(http, { serveClient: false });
http.listen(port, '127.0.0.1');
process.on('SIGTERM', () => io.close(() => process.exit(0)));
