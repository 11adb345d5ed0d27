/**
 * Starts the Strand API (embedded mode): `npm run api`, configured by STRAND_PORT (default
 * 4000), STRAND_DATA_DIR (default .strand), STRAND_HOST (default 127.0.0.1).
 */
import { readConfig } from './config.ts';
import { startStrandServer } from './http/server.ts';

const config = readConfig();
const server = await startStrandServer(config);
if (process.env.STRAND_DEMO === '1') {
  const em = server.db.fork();
  const created = await server.jobs.ensureDemoDataset(em);
  if (created)
    console.log(`Demo dataset:     "${created.name}" (${created.recordCount} sequences)`);
}
console.log(`Strand API:       ${server.url}/graphql (HTTP and WebSocket)`);
console.log(`Data directory:   ${config.dataDir}`);
if (config.dashboardDir) console.log(`Strand dashboard: ${server.url}/`);
else console.log('Dashboard not built (npm run dashboard:build); serving the API only.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping (running jobs stop after their current batch)…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`strand: shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  });
}
