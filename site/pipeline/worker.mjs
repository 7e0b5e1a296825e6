// A render worker: loads the compiled views bundle (site/pipeline/compile.ts) and serves render
// requests from the build's main thread. Plain JavaScript, so that it needs no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';

const { bundleUrl, init } = workerData;
const views = await import(bundleUrl);
await views.serveWorker(parentPort, init);
