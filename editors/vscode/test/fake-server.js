// A stand-in for `perfplan lsp` in extension.test.js: prints a usage for
// --help; else answers initialize and shutdown, exits on exit, and logs its
// arguments and the methods it received (one JSON line each) to the file
// named by PERFPLAN_FAKE_SERVER_LOG.
'use strict';

const fs = require('fs');

const log = (entry) => fs.appendFileSync(process.env.PERFPLAN_FAKE_SERVER_LOG, JSON.stringify(entry) + '\n');
const send = (message) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
};

if (process.argv.includes('--help')) {
  process.stdout.write('Usage: perfplan lsp\n');
  process.exit(0);
}
log({ argv: process.argv.slice(2) });
let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, headerEnd).toString())[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.slice(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
    buffer = buffer.slice(headerEnd + 4 + length);
    log({ method: message.method });
    if (message.method === 'initialize') {
      send({ id: message.id, result: { capabilities: { textDocumentSync: 1 }, serverInfo: { name: 'fake' } } });
    } else if (message.method === 'shutdown') {
      send({ id: message.id, result: null });
    } else if (message.method === 'exit') {
      process.exit(0);
    }
  }
});
