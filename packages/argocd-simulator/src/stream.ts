/**
 * `GET /api/v1/stream/applications`: Argo CD's watch. Newline-delimited JSON, the current
 * objects first as ADDED (sorted by namespace/name), then every change; no keepalives. Apps the
 * caller may not see, or that do not exist, are left out without an error, and ADDED/changes
 * older than `resourceVersion` are skipped (the current object of a `name` watch is still sent
 * when it is at least that version). Stream faults (drop mid-line, final error line, idle cut,
 * buffering proxy) are carried out here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appFilter, type ApiContext } from './api-routes.js';
import { GrpcCode, streamError } from './errors.js';
import type { FaultAction } from './faults.js';
import type { Clock } from './time.js';
import type { Application } from './types.js';

export interface ActiveStream {
  /** Ends the response cleanly (a buffered one delivers what it held). */
  end(): void;
}

type StreamFault = Extract<FaultAction, { type: 'stream-drop' | 'stream-error' | 'stream-garbage' | 'stream-idle-timeout' | 'buffer' }>;

export function handleStream(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
  streams: Set<ActiveStream>,
  fault: StreamFault | undefined,
): void {
  const principal = ctx.auth.authenticate(req.headers);
  const filter = appFilter(params);
  const name = params.get('name');
  const watchNamespace = params.get('appNamespace') || ctx.namespace;
  const rawVersion = params.get('resourceVersion') ?? '';
  const minVersion = /^\d+$/.test(rawVersion) ? Number(rawVersion) : 0;
  const visible = (app: Application): boolean =>
    (!name || app.metadata.namespace === watchNamespace) &&
    filter(app) &&
    principal.canAccess(app.spec.project) &&
    Number(app.metadata.resourceVersion) >= minVersion;

  const writer = new LineWriter(res, fault, ctx.clock);
  const stream: ActiveStream = { end: () => writer.end() };
  streams.add(stream);
  writer.open();
  // Argo CD sends the current objects unless resuming a multi-app watch from a resourceVersion.
  if (rawVersion === '' || name) {
    for (const sim of ctx.store.list()) {
      if (visible(sim.app)) writer.send({ result: { type: 'ADDED', application: sim.app } });
    }
  }
  const unsubscribe = ctx.store.subscribe((event) => {
    if (visible(event.application)) writer.send({ result: { type: event.type, application: event.application } });
  });
  res.once('close', () => {
    unsubscribe();
    writer.dispose();
    streams.delete(stream);
  });
}

class LineWriter {
  private written = 0;
  private readonly buffered: string[] | undefined;
  private cancelIdle = (): void => undefined;
  private cancelFlush = (): void => undefined;
  private done = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly fault: StreamFault | undefined,
    private readonly clock: Clock,
  ) {
    this.buffered = fault?.type === 'buffer' ? [] : undefined;
  }

  open(): void {
    if (this.buffered) {
      // A buffering proxy forwards nothing, headers included, until the upstream response ends.
      if (this.fault?.type === 'buffer' && this.fault.flushAfterMs !== undefined) {
        this.cancelFlush = this.clock.schedule(this.fault.flushAfterMs, () => this.end());
      }
      return;
    }
    this.res.writeHead(200, { 'Content-Type': 'application/json' });
    this.res.flushHeaders();
    this.armIdleTimer();
  }

  send(message: object): void {
    if (this.done || this.res.destroyed) return;
    const line = `${JSON.stringify(message)}\n`;
    const fault = this.fault;
    if (fault?.type === 'stream-drop' && this.written === (fault.afterEvents ?? 0)) {
      this.done = true;
      this.res.write(line.slice(0, Math.max(1, Math.floor(line.length / 2))), () => this.res.destroy());
      return;
    }
    if (fault?.type === 'stream-error' && this.written === (fault.afterEvents ?? 0)) {
      this.res.write(`${JSON.stringify(streamError(fault.grpcCode ?? GrpcCode.Unavailable, fault.message ?? 'transport is closing'))}\n`);
      this.end();
      return;
    }
    if (fault?.type === 'stream-garbage' && this.written === (fault.afterEvents ?? 0)) {
      this.res.write(`${fault.line ?? '<html><body>502 Bad Gateway</body></html>'}\n`);
    }
    this.written += 1;
    if (this.buffered) this.buffered.push(line);
    else this.res.write(line);
    this.armIdleTimer();
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.dispose();
    if (this.res.destroyed) return;
    if (this.buffered) {
      this.res.writeHead(200, { 'Content-Type': 'application/json' });
      this.res.end(this.buffered.join(''));
    } else {
      this.res.end();
    }
  }

  dispose(): void {
    this.cancelIdle();
    this.cancelFlush();
  }

  private armIdleTimer(): void {
    if (this.fault?.type !== 'stream-idle-timeout') return;
    this.cancelIdle();
    // An idle-timeout proxy cuts the connection; the client sees the body end without warning.
    this.cancelIdle = this.clock.schedule(this.fault.ms, () => {
      this.done = true;
      this.res.destroy();
    });
  }
}
