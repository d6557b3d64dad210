// Load tool for the Kairos room server, side by side with a minimal Node `ws` relay.
//
//   node load.mjs --server /path/to/kairos-server [--quick]
//
// Prints, for kairos-server (every message stored in SQLite, fsynced, before it is acked and
// fanned out) and for tests/bench/peers/ws_relay.mjs (relays, stores nothing):
//   - deliveries/s at saturation with N = 100 and N = 1000 clients in one room,
//   - p50 / p99 end-to-end latency at 1000 clients x 100 messages/s in total,
//   - server memory per idle connection (VmRSS growth / connections),
// and the Kairos / ws ratios. Loopback only; the load generator runs in this one process.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const peers = join(here, '..', 'peers');
const require = createRequire(join(peers, 'package.json'));
const WebSocket = require('ws');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const quick = args.includes('--quick');
const serverExe = opt('--server', join(here, '..', '..', '..', 'build', 'room', 'app', 'server', 'kairos-server'));
const durability = opt('--durability', 'full');
const satSeconds = Number(opt('--seconds', quick ? 3 : 6));
const children = new Set();
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });
process.on('unhandledRejection', (e) => { console.error('load tool error:', e); process.exit(1); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function rssKiB(pid) {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(s)[1]);
}

function waitListening(proc) {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d) => {
      buf += d.toString();
      const m = /listening on [^\s:]+:(\d+)/.exec(buf);
      if (m) { proc.stdout.off('data', onData); proc.stdout.resume(); resolve(Number(m[1])); }
    };
    proc.stdout.on('data', onData);
    proc.on('exit', (c) => reject(new Error(`server exited ${c}: ${buf}`)));
  });
}

async function startKairos() {
  const dir = mkdtempSync(join(tmpdir(), 'kairos-load-'));
  const link = execFileSync(serverExe, ['create-room', 'bench', '--data', dir, '--host', '127.0.0.1'])
    .toString().trim();
  const invite = /invite=([A-Za-z0-9_-]+)/.exec(link)[1];
  const proc = spawn(serverExe, ['--listen', '127.0.0.1:0', '--data', dir, '--rate', '0',
                                 '--max-connections', '20000', '--durability', durability],
                     { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, QT_LOGGING_RULES: 'kairos.*.info=false' } });
  children.add(proc);
  const port = await waitListening(proc);
  return { kind: 'kairos', proc, port, invite, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function startRelay() {
  const proc = spawn(process.execPath, [join(peers, 'ws_relay.mjs'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(proc);
  const port = await waitListening(proc);
  return { kind: 'ws', proc, port, cleanup: () => {} };
}

async function stop(server) {
  server.proc.kill('SIGTERM');
  await new Promise((r) => server.proc.once('exit', r));
  children.delete(server.proc);
  server.cleanup();
}

let nextName = 0;

// One client. Probes parse every frame (latency, acks); the others only count frames.
class Client {
  constructor(server, index, probe) {
    this.server = server; this.index = index; this.probe = probe;
    this.frames = 0; this.acks = 0; this.inflight = 0; this.latencies = null; this.seq = 0;
  }
  open() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${this.server.port}/`, { perMessageDeflate: false });
      this.ws = ws;
      ws.on('error', reject);
      ws.on('open', () => {
        if (this.server.kind !== 'kairos') { resolve(); return; }
        ws.send(JSON.stringify({ type: 'join', v: 1, room: 'bench', invite: this.server.invite,
                                 name: `c${nextName++}` }));
      });
      ws.on('message', (data) => {
        if (!this.joined) {
          if (this.server.kind === 'kairos') {
            const o = JSON.parse(data.toString());
            if (o.type === 'welcome') { this.joined = true; resolve(); }
            else if (o.type === 'error') reject(new Error(o.code));
            return;
          }
        }
        this.onFrame(data);
      });
      if (this.server.kind !== 'kairos') this.joined = true;
    });
  }
  onFrame(data) {
    if (!this.probe) { this.frames++; return; }
    const s = data.toString();
    if (s.length < 120 && s.includes('"type":"ack"')) {
      this.acks++; this.inflight--;
      if (this.onAck) this.onAck();
      return;
    }
    let o;
    try { o = JSON.parse(s); } catch { return; }
    if (o.type !== 'message') return;
    this.frames++;
    if (this.latencies) {
      const t = Number(o.text.split(' ')[1]);
      if (t > 0) this.latencies.push(performance.now() - t);
    }
  }
  send() {
    this.inflight++;
    const id = `m${this.index}x${this.seq++}`;
    this.ws.send(`{"type":"message","id":"${id}","text":"${this.index} ${performance.now()} ` +
                 'hello from the load tool, a message of a typical chat length"}');
  }
}

async function connectAll(server, n) {
  const probeEvery = Math.max(1, Math.floor(n / 50));
  const clients = [];
  for (let i = 0; i < n; i += 50) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + 50); ++j) {
      const c = new Client(server, j, j % probeEvery === 0);
      clients.push(c);
      batch.push(c.open());
    }
    await Promise.all(batch);
  }
  await sleep(500); // let join/presence traffic settle
  return clients;
}

function closeAll(clients) {
  for (const c of clients) c.ws.terminate();
}

function resetCounts(clients) {
  for (const c of clients) { c.frames = 0; c.acks = 0; }
}
const deliveries = (clients) => clients.reduce((a, c) => a + c.frames, 0);

// Saturation: every probe is a sender keeping `window` messages in flight (ack-paced).
async function saturation(server, n) {
  const clients = await connectAll(server, n);
  const senders = clients.filter((c) => c.probe);
  const window = 4;
  let running = true;
  for (const s of senders) {
    s.onAck = () => { while (running && s.inflight < window) s.send(); };
    s.inflight = 0;
  }
  await sleep(200);
  resetCounts(clients);
  const t0 = performance.now();
  for (const s of senders) s.onAck();
  await sleep(satSeconds * 1000);
  const d = deliveries(clients);
  const sent = senders.reduce((a, s) => a + s.acks, 0);
  const secs = (performance.now() - t0) / 1000;
  running = false;
  await sleep(300);
  closeAll(clients);
  await sleep(300);
  return { deliveriesPerSec: d / secs, messagesPerSec: sent / secs };
}

// Latency at a fixed total rate: `rate` messages/s spread over the probes; latency measured
// at every probe for every message it receives.
async function latency(server, n, rate, seconds) {
  const clients = await connectAll(server, n);
  const probes = clients.filter((c) => c.probe);
  for (const p of probes) p.latencies = [];
  resetCounts(clients);
  const interval = 10; // ms
  const perTick = rate * interval / 1000;
  let carry = 0, k = 0;
  const t0 = performance.now();
  const timer = setInterval(() => {
    carry += perTick;
    while (carry >= 1) { probes[k++ % probes.length].send(); carry -= 1; }
  }, interval);
  await sleep(seconds * 1000);
  clearInterval(timer);
  await sleep(500);
  const lat = probes.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const q = (f) => lat.length ? lat[Math.min(lat.length - 1, Math.floor(f * lat.length))] : NaN;
  const d = deliveries(clients);
  closeAll(clients);
  await sleep(300);
  return { p50: q(0.5), p99: q(0.99), samples: lat.length,
           deliveriesPerSec: d / ((performance.now() - t0) / 1000) };
}

async function idleMemory(server, n) {
  const warm = await connectAll(server, 10);
  await sleep(500);
  const before = rssKiB(server.proc.pid);
  const clients = await connectAll(server, n);
  await sleep(1500);
  const after = rssKiB(server.proc.pid);
  closeAll(clients); closeAll(warm);
  await sleep(300);
  return ((after - before) * 1024) / n;
}

async function measure(start) {
  const r = {};
  for (const n of [100, 1000]) {
    const s = await start();
    r[`sat${n}`] = await saturation(s, n);
    await stop(s);
  }
  let s = await start();
  r.lat = await latency(s, 1000, 100, quick ? 4 : 8);
  await stop(s);
  s = await start();
  r.memPerConn = await idleMemory(s, 1000);
  await stop(s);
  return r;
}

const fmt = (x, d = 0) => Number.isFinite(x) ? x.toFixed(d) : 'n/a';
const k = await measure(startKairos);
const w = await measure(startRelay);
console.log(`\nroom_load — loopback, load generator and server share the machine; kairos durability=${durability}`);
console.log('metric                                   kairos-server      ws relay    kairos/ws');
for (const n of [100, 1000]) {
  const a = k[`sat${n}`], b = w[`sat${n}`];
  console.log(`deliveries/s at saturation, N=${String(n).padEnd(4)}      ${fmt(a.deliveriesPerSec).padStart(12)}  ${fmt(b.deliveriesPerSec).padStart(12)}  ${fmt(a.deliveriesPerSec / b.deliveriesPerSec, 2).padStart(10)}`);
  console.log(`  (messages stored+acked/s, N=${String(n).padEnd(4)})     ${fmt(a.messagesPerSec).padStart(12)}  ${fmt(b.messagesPerSec).padStart(12)}`);
}
console.log(`p50 latency ms, 1000 clients x 100 msg/s  ${fmt(k.lat.p50, 2).padStart(12)}  ${fmt(w.lat.p50, 2).padStart(12)}  ${fmt(k.lat.p50 / w.lat.p50, 2).padStart(10)}`);
console.log(`p99 latency ms, 1000 clients x 100 msg/s  ${fmt(k.lat.p99, 2).padStart(12)}  ${fmt(w.lat.p99, 2).padStart(12)}  ${fmt(k.lat.p99 / w.lat.p99, 2).padStart(10)}`);
console.log(`  (latency samples; deliveries/s)         ${String(k.lat.samples).padStart(12)}  ${String(w.lat.samples).padStart(12)}   ${fmt(k.lat.deliveriesPerSec)} / ${fmt(w.lat.deliveriesPerSec)}`);
console.log(`server bytes per idle connection          ${fmt(k.memPerConn).padStart(12)}  ${fmt(w.memPerConn).padStart(12)}  ${fmt(k.memPerConn / w.memPerConn, 2).padStart(10)}`);
console.log('\ntargets: saturated throughput >= ws relay (ratio >= 1), p99 < 20 ms, < 50 KB per idle connection');
process.exit(0);
