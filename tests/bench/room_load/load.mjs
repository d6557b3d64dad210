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
import { connect as netConnect } from 'node:net';
import { randomBytes } from 'node:crypto';

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
// --only sat|lat|mem runs one part (for profiling); --kairos-only skips the ws relay.
const only = opt('--only', '');
const kairosOnly = args.includes('--kairos-only');
const children = new Set();
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });
process.on('unhandledRejection', (e) => { console.error('load tool error:', e); process.exit(1); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function rssKiB(pid) {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(s)[1]);
}

// CPU seconds (user + system) the process has used so far.
function cpuSecs(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

// Seconds the process's threads have waited, runnable, for a CPU (/proc/PID/schedstat, main
// thread): how much other work on the machine delayed it.
function runqueueWaitSecs(pid) {
  try { return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9; }
  catch { return NaN; }
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
  const proc = spawn(serverExe, ['--listen', '127.0.0.1:0', '--data', dir, '--rate', '0', '--new-members-per-hour', '0', '--max-per-address', '0',
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

// A listening-only client over a raw TCP socket: does the WebSocket handshake (and the Kairos
// join), then only walks frame headers to count frames. The `ws` package would decode and
// UTF-8-validate each of the ~100k frames/s the latency run delivers, and the load generator,
// not the server under test, would set the latency. Used for both servers alike.
class Sink {
  constructor(server) { this.server = server; this.frames = 0; this.probe = false; }
  open() {
    return new Promise((resolve, reject) => {
      const sock = netConnect({ host: '127.0.0.1', port: this.server.port });
      this.sock = sock;
      sock.setNoDelay(true);
      let head = Buffer.alloc(0), upgraded = false, joined = this.server.kind !== 'kairos';
      let skip = 0, pending = Buffer.alloc(0);
      sock.on('error', reject);
      sock.on('connect', () => {
        sock.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${this.server.port}\r\nUpgrade: websocket\r\n` +
                   'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
                   `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`);
      });
      const onFrames = (buf) => {
        let i = 0;
        if (skip > 0) { const n = Math.min(skip, buf.length); skip -= n; i = n; }
        while (i < buf.length) {
          if (pending.length) { buf = Buffer.concat([pending, buf.subarray(i)]); pending = Buffer.alloc(0); i = 0; }
          if (buf.length - i < 2) { pending = Buffer.from(buf.subarray(i)); return; }
          let len = buf[i + 1] & 0x7f, hdr = 2;
          if (len === 126) { if (buf.length - i < 4) { pending = Buffer.from(buf.subarray(i)); return; } len = buf.readUInt16BE(i + 2); hdr = 4; }
          else if (len === 127) { if (buf.length - i < 10) { pending = Buffer.from(buf.subarray(i)); return; } len = Number(buf.readBigUInt64BE(i + 2)); hdr = 10; }
          if (!joined) { // the first frame after join is the welcome (or an error)
            if (buf.length - i < hdr + len) { pending = Buffer.from(buf.subarray(i)); return; }
            const o = JSON.parse(buf.subarray(i + hdr, i + hdr + len).toString());
            i += hdr + len;
            if (o.type === 'welcome') { joined = true; resolve(); } else if (o.type === 'error') reject(new Error(o.code));
            continue;
          }
          if ((buf[i] & 0x0f) === 1) this.frames++;
          const avail = buf.length - i - hdr;
          if (avail >= len) i += hdr + len;
          else { skip = len - avail; return; }
        }
      };
      sock.on('data', (chunk) => {
        if (upgraded) return onFrames(chunk);
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        upgraded = true;
        const rest = head.subarray(end + 4);
        if (this.server.kind === 'kairos') {
          this.sendText(JSON.stringify({ type: 'join', v: 1, room: 'bench', invite: this.server.invite,
                                         name: `c${nextName++}` }));
        } else resolve();
        if (rest.length) onFrames(rest);
      });
    });
  }
  sendText(s) { // client frames are masked; a zero mask leaves the payload as is
    const p = Buffer.from(s);
    const h = p.length < 126 ? Buffer.from([0x81, 0x80 | p.length, 0, 0, 0, 0])
                             : Buffer.from([0x81, 0x80 | 126, p.length >> 8, p.length & 0xff, 0, 0, 0, 0]);
    this.sock.write(Buffer.concat([h, p]));
  }
  terminate() { this.sock.destroy(); }
}

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
      const c = j % probeEvery === 0 ? new Client(server, j, true) : new Sink(server);
      clients.push(c);
      batch.push(c.open());
    }
    await Promise.all(batch);
  }
  await sleep(500); // let join/presence traffic settle
  return clients;
}

function closeAll(clients) {
  for (const c of clients) (c.ws ?? c).terminate();
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
  const cpu0 = cpuSecs(server.proc.pid);
  for (const s of senders) s.onAck();
  await sleep(satSeconds * 1000);
  const d = deliveries(clients);
  const sent = senders.reduce((a, s) => a + s.acks, 0);
  const secs = (performance.now() - t0) / 1000;
  const cpu = cpuSecs(server.proc.pid) - cpu0;
  running = false;
  await sleep(300);
  closeAll(clients);
  await sleep(300);
  return { deliveriesPerSec: d / secs, messagesPerSec: sent / secs, cpuUsPerDelivery: cpu * 1e6 / d };
}

// Latency at a fixed total rate: `rate` messages/s spread over the probes; latency measured
// at every probe for every message it receives.
async function latency(server, n, rate, seconds) {
  const clients = await connectAll(server, n);
  const probes = clients.filter((c) => c.probe);
  for (const p of probes) p.latencies = [];
  resetCounts(clients);
  const cpu0 = cpuSecs(server.proc.pid);
  const gen0 = process.cpuUsage();
  const wait0 = runqueueWaitSecs(server.proc.pid), genWait0 = runqueueWaitSecs(process.pid);
  const interval = 10; // ms
  let carry = 0, k = 0, sent = 0;
  const t0 = performance.now();
  let tPrev = t0;
  // Paced by the clock, not by the number of timer callbacks (they run late on a busy machine).
  const timer = setInterval(() => {
    const t = performance.now();
    carry += rate * (t - tPrev) / 1000;
    tPrev = t;
    while (carry >= 1) { probes[k++ % probes.length].send(); carry -= 1; ++sent; }
  }, interval);
  await sleep(seconds * 1000);
  clearInterval(timer);
  await sleep(500);
  const lat = probes.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const q = (f) => lat.length ? lat[Math.min(lat.length - 1, Math.floor(f * lat.length))] : NaN;
  const d = deliveries(clients);
  const secs = (performance.now() - t0) / 1000;
  const cpu = cpuSecs(server.proc.pid) - cpu0;
  const gen = process.cpuUsage(gen0);
  const serverWait = (runqueueWaitSecs(server.proc.pid) - wait0) / secs;
  const generatorWait = (runqueueWaitSecs(process.pid) - genWait0) / secs;
  closeAll(clients);
  await sleep(300);
  const sinkFrames = clients.filter((c) => !c.probe).reduce((a, c) => a + c.frames, 0);
  if (process.env.KAIROS_LOAD_DEBUG)
    console.error(`sent ${sent}; sink frames ${sinkFrames} of ${sent * (n - probes.length)}; probe samples ${lat.length} of ${sent * (probes.length - 1)}`);
  return { p50: q(0.5), p99: q(0.99), samples: lat.length, deliveriesPerSec: d / secs,
           cpuUsPerDelivery: cpu * 1e6 / d, serverCpuShare: cpu / secs,
           generatorCpuShare: (gen.user + gen.system) / 1e6 / secs, serverWait, generatorWait };
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

const nan = { deliveriesPerSec: NaN, messagesPerSec: NaN, p50: NaN, p99: NaN, samples: 0, cpuUsPerDelivery: NaN };
async function measure(start) {
  const r = { sat100: nan, sat1000: nan, lat: nan, memPerConn: NaN };
  if (!only || only === 'sat') {
    for (const n of [100, 1000]) {
      const s = await start();
      r[`sat${n}`] = await saturation(s, n);
      await stop(s);
    }
  }
  let s;
  if (!only || only === 'lat') {
    s = await start();
    if (process.env.KAIROS_LOAD_PAUSE) {
      console.error(`server pid ${s.proc.pid}; starting in ${process.env.KAIROS_LOAD_PAUSE} ms`);
      await sleep(Number(process.env.KAIROS_LOAD_PAUSE));
    }
    r.lat = await latency(s, 1000, 100, quick ? 4 : 8);
    await stop(s);
  }
  if (!only || only === 'mem') {
    s = await start();
    r.memPerConn = await idleMemory(s, 1000);
    await stop(s);
  }
  return r;
}

const fmt = (x, d = 0) => Number.isFinite(x) ? x.toFixed(d) : 'n/a';
const k = await measure(startKairos);
const w = kairosOnly ? { sat100: nan, sat1000: nan, lat: nan, memPerConn: NaN } : await measure(startRelay);
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
console.log(`server CPU µs per delivery, saturated N=1000 ${fmt(k.sat1000.cpuUsPerDelivery, 2).padStart(12)}  ${fmt(w.sat1000.cpuUsPerDelivery, 2).padStart(12)}  ${fmt(k.sat1000.cpuUsPerDelivery / w.sat1000.cpuUsPerDelivery, 2).padStart(10)}`);
console.log(`server CPU µs per delivery, latency run    ${fmt(k.lat.cpuUsPerDelivery, 2).padStart(12)}  ${fmt(w.lat.cpuUsPerDelivery, 2).padStart(12)}  ${fmt(k.lat.cpuUsPerDelivery / w.lat.cpuUsPerDelivery, 2).padStart(10)}`);
console.log(`  (CPU share in the latency run: server; load generator)   ${fmt(k.lat.serverCpuShare, 2)}; ${fmt(k.lat.generatorCpuShare, 2)}   ${fmt(w.lat.serverCpuShare, 2)}; ${fmt(w.lat.generatorCpuShare, 2)}`);
console.log(`  (waiting for a CPU, s per s: server; load generator)     ${fmt(k.lat.serverWait, 2)}; ${fmt(k.lat.generatorWait, 2)}   ${fmt(w.lat.serverWait, 2)}; ${fmt(w.lat.generatorWait, 2)}`);
console.log(`server bytes per idle connection          ${fmt(k.memPerConn).padStart(12)}  ${fmt(w.memPerConn).padStart(12)}  ${fmt(k.memPerConn / w.memPerConn, 2).padStart(10)}`);
console.log('\ntargets: saturated throughput >= ws relay (ratio >= 1), p99 < 20 ms, < 50 KB per idle connection');
process.exit(0);
