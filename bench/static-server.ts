// The baseline the catalogue is compared with: one saved HTML file streamed by Node's own HTTP
// server, with no framework, rendering or database. Run as its own process, like the app.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";

const [file, port] = [process.argv[2], Number(process.argv[3])];
if (!file || !Number.isInteger(port)) throw new Error("usage: static-server.ts <file.html> <port>");
const size = statSync(file).size;

createServer((request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": size });
  if (request.method === "HEAD") return response.end();
  createReadStream(file).pipe(response);
}).listen(port, "127.0.0.1");
