// Minimal Node `ws` broadcast relay, the reference for tests/bench/room_load.
// Relays every text frame, unchanged and unstored, to every other client, and answers the
// sender with a small ack frame (Kairos acks the sender and relays to the others, so the frame
// counts match). Prints "listening on 127.0.0.1:PORT".
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 0);
const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false,
                                  maxPayload: 64 * 1024 });
const ack = '{"type":"ack"}';
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    for (const c of wss.clients) {
      if (c !== ws && c.readyState === 1) c.send(data, { binary: isBinary });
    }
    ws.send(ack);
  });
});
wss.on('listening', () => {
  console.log(`listening on 127.0.0.1:${wss.address().port}`);
});
process.on('SIGTERM', () => { wss.close(); process.exit(0); });
