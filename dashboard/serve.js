// Serves the built dashboard (dist/) over HTTP, with Node.js alone.
//
//   node serve.js [--port 4173] [--host 127.0.0.1] [--dir dist]
//
// Binds to loopback by default: the page talks to the node from the visitor's browser,
// so serving it elsewhere is a decision for whoever runs it (`--host 0.0.0.0`). Any
// static web server can serve dist/ instead. The end-to-end test imports
// `startStaticServer` to serve the page it drives.

import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/**
 * Serves the files of `root` on `host:port` (port 0: any free one). Resolves with
 * `{ server, url, close() }` once listening.
 */
export function startStaticServer(root, { host = '127.0.0.1', port = 0 } = {}) {
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) {
    return Promise.reject(new Error(`${base}/index.html is missing: run "npm run build" in dashboard/ first`));
  }
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolveServer({
        server,
        url: `http://${host}:${address.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(here, option('dir', 'dist'));
  startStaticServer(dir, { host: option('host', '127.0.0.1'), port: Number(option('port', 4173)) })
    .then(({ url }) => console.log(`Poseidon dashboard on ${url} (node endpoint: ?rpc=ws://…, default ws://127.0.0.1:9944)`))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
