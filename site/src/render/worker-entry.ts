// The compiled bundle's entry: a Renderer for the calling thread, and the message loop of a
// render worker (site/pipeline/worker.mjs loads this bundle and calls serveWorker).
import type { MessagePort } from 'node:worker_threads';
import type { SiteInfo } from '../lib/model-types.ts';
import { Renderer, type RenderStats, type ServerItem } from './renderer.ts';
import type { PageJob } from './views.ts';

export { Renderer } from './renderer.ts';
export type { RenderStats, ServerItem } from './renderer.ts';
export type { PageJob } from './views.ts';

export type WorkerRequest =
  | { id: number; type: 'servers'; items: ServerItem[] }
  | { id: number; type: 'pages'; jobs: PageJob[] };

export type WorkerReply =
  | { id: number; type: 'done'; stats: RenderStats }
  | { id: number; type: 'error'; message: string; stack?: string };

export interface WorkerInit { outDir: string; site: SiteInfo }

export async function serveWorker(port: MessagePort, init: WorkerInit): Promise<void> {
  const renderer = await Renderer.create(init.outDir, init.site);
  port.on('message', async (request: WorkerRequest) => {
    try {
      const stats = request.type === 'servers' ? await renderer.renderServers(request.items) : await renderer.renderPages(request.jobs);
      port.postMessage({ id: request.id, type: 'done', stats } satisfies WorkerReply);
    } catch (error) {
      const e = error as Error;
      port.postMessage({ id: request.id, type: 'error', message: e?.message ?? String(error), stack: e?.stack } satisfies WorkerReply);
    }
  });
  port.postMessage({ type: 'ready' });
}
