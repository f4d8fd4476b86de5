/**
 * The simulated Kubernetes API for Application objects: one resourceVersion counter for all of
 * them (like etcd's revision, so versions only ever increase, across apps too), updates that
 * bump it only when the object really changed, and a broadcaster feeding the watch streams.
 */
import { appKey, SimApp } from './sim-app.js';
import type { Application, WatchEventType } from './types.js';

export interface StoreEvent {
  type: WatchEventType;
  /** A private copy; listeners may keep it. */
  application: Application;
}

export type StoreListener = (event: StoreEvent) => void;

export class AppStore {
  private revision = 0;
  private readonly apps = new Map<string, SimApp>();
  private readonly listeners = new Set<StoreListener>();

  get resourceVersion(): string {
    return String(this.revision);
  }

  get(namespace: string, name: string): SimApp | undefined {
    return this.apps.get(appKey(namespace, name));
  }

  /** Every app, ordered by `namespace/name` as Argo CD's lister output is sorted. */
  list(): SimApp[] {
    return [...this.apps.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  add(sim: SimApp): void {
    if (this.apps.has(sim.key)) throw new Error(`application ${sim.key} already exists`);
    this.apps.set(sim.key, sim);
    this.bump(sim);
    this.emit('ADDED', sim);
  }

  remove(sim: SimApp, deletedAt: string): void {
    if (!this.apps.delete(sim.key)) return;
    sim.deleted = true;
    sim.app.metadata.deletionTimestamp = deletedAt;
    this.bump(sim);
    this.emit('DELETED', sim);
  }

  /** Applies `mutate`; when the object changed, bumps its resourceVersion and broadcasts MODIFIED. */
  update(sim: SimApp, mutate: (app: Application) => void): boolean {
    if (sim.deleted) return false;
    const before = JSON.stringify(sim.app);
    const version = sim.app.metadata.resourceVersion;
    mutate(sim.app);
    // resourceVersion is the store's to set, whatever a patch wrote into it.
    sim.app.metadata.resourceVersion = version;
    if (JSON.stringify(sim.app) === before) return false;
    this.bump(sim);
    this.emit('MODIFIED', sim);
    return true;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bump(sim: SimApp): void {
    this.revision += 1;
    sim.app.metadata.resourceVersion = String(this.revision);
  }

  private emit(type: WatchEventType, sim: SimApp): void {
    for (const listener of [...this.listeners]) {
      listener({ type, application: structuredClone(sim.app) });
    }
  }
}
