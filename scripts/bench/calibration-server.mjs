// The benchmark's yardstick: a bare node:http server answering every request with one fixed page
// of BYTES bytes, what this machine serves with no framework, database or rendering at all. Run
// as its own process, like the app, so it competes with autocannon for the cores the same way.
import http from "node:http";

const size = Number(process.env.BYTES || 16_384);
const page = Buffer.alloc(size, "x");
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": size });
  res.end(page);
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
