import { runCli } from './cli.js';

// The command: start, then stop cleanly on Ctrl+C.
const server = await runCli(process.argv.slice(2));
if (server) {
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
