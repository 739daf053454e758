// The baseline for bench/relay.mjs: the least a durable relay can do. HTTP POST → append one
// row to SQLite (WAL, synchronous=FULL: fsync per commit) → Socket.IO broadcast. No auth, no
// validation, no projections, no batching. Run as its own process, like the real server.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(new URL('../server/package.json', import.meta.url));
const Database = require('better-sqlite3');
const { Server } = require('socket.io');

const dataDir = process.env.DATA_DIR;
const port = Number(process.env.PORT);
mkdirSync(dataDir, { recursive: true });
const db = new Database(join(dataDir, 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, at TEXT, data TEXT)');
const insert = db.prepare('INSERT INTO events (at, data) VALUES (?, ?)');

const http = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/health') return res.end('{"status":"ok"}');
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const at = new Date().toISOString();
    const { lastInsertRowid } = insert.run(at, body);
    const seq = Number(lastInsertRowid);
    io.emit('event', { seq, type: 'duty-log:recorded', at, actor: { user: 'bench', role: 'duty' }, data: JSON.parse(body) });
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ seq }));
  });
});
const io = new Server(http, { serveClient: false });
http.listen(port, '127.0.0.1');
