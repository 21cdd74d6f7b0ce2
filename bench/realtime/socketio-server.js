// The baseline Moim's real-time path is compared with (bench/realtime.sh): a Socket.io server that
// broadcasts each message to a room, in two flavours chosen by STORE:
//   STORE=mariadb  inserts the message into MariaDB (one INSERT per message, autocommit, through a
//                  connection pool) and broadcasts only after the insert succeeded: the durable
//                  equivalent of Moim's "stored before it is acknowledged".
//   STORE=none     broadcasts at once: the plain room broadcast, nothing kept.
// Events: 'join' room; 'send' {room, text, key} -> insert (if stored) -> 'message' to the room
// (sender included, like Moim) and an ack to the sender; 'typing' {room} -> 'typing' to the room,
// never stored.
'use strict';

const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.env.PORT || 3100);
const store = process.env.STORE || 'none';

async function main() {
  let pool = null;
  if (store === 'mariadb') {
    const mariadb = require('mariadb');
    pool = mariadb.createPool({
      host: process.env.DB_HOST || '127.0.0.1',
      port: Number(process.env.DB_PORT || 3306),
      user: process.env.DB_USER || 'root',
      password: process.env.DB_PASSWORD || '',
      database: process.env.DB_NAME || 'moim_bench_socketio',
      connectionLimit: Number(process.env.DB_POOL || 16),
    });
    await pool.query(`CREATE TABLE IF NOT EXISTS message (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        room VARCHAR(64) NOT NULL,
        sender VARCHAR(64) NOT NULL,
        text TEXT NOT NULL,
        created_at DATETIME(6) NOT NULL,
        INDEX ix_message_room (room, id))`);
  }

  const server = http.createServer();
  const io = new Server(server, { transports: ['websocket'], serveClient: false, perMessageDeflate: false });
  let sent = 0;

  io.on('connection', (socket) => {
    socket.on('join', (room) => socket.join(String(room)));
    socket.on('typing', (event) => {
      if (event && event.room) {
        io.to(String(event.room)).emit('typing', { room: event.room, from: socket.id });
      }
    });
    socket.on('send', async (event, ack) => {
      if (!event || !event.room || typeof event.text !== 'string') {
        return;
      }
      const room = String(event.room);
      let id = null;
      if (pool) {
        try {
          const result = await pool.query('INSERT INTO message (room, sender, text, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))',
            [room, socket.id, event.text]);
          id = Number(result.insertId);
        } catch (e) {
          if (typeof ack === 'function') ack({ error: String(e.message || e) });
          return;
        }
      }
      sent++;
      io.to(room).emit('message', { room, id, text: event.text });
      if (typeof ack === 'function') ack({ id });
    });
  });

  server.listen(port, '127.0.0.1', () => {
    console.log(`socket.io baseline on 127.0.0.1:${port}, store=${store}, pid=${process.pid}`);
  });
  const stop = () => {
    console.log(`broadcast ${sent} messages`);
    io.close();
    if (pool) pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
