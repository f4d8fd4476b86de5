/**
 * @gitops-promote/argocd-simulator: an Argo CD API server simulator reconciling real git
 * repositories, for the tests, benchmark and demo of steps that talk to Argo CD.
 */
export { ArgoCdSimulator, startArgoCdSimulator } from './simulator.js';
export type { SimulatorOptions, Timeline, TimelineStep, WaitOptions } from './simulator.js';
export type { AppConfig, AppRules, IgnoreDifference, RevisionContext, SimTimings, SourceConfig } from './options.js';
export type { HelmSourceConfig } from './types.js';
export type { ResourceDiff } from './resource-diff.js';
export { DEFAULT_TIMINGS } from './options.js';
export type { ImageMatcher, ContainerImage } from './images.js';
export type { FaultAction, FaultHandle, FaultSpec } from './faults.js';
export type { RequestRecord } from './request-log.js';
export type { ApplicationSetConfig } from './application-sets.js';
export type { TokenGrant, UserConfig } from './auth.js';
export type { SyncRequest } from './controller.js';
export type { Stage } from './holds.js';
export { STAGES } from './holds.js';
export type { StoreEvent } from './store.js';
export type { MergePatch } from './merge-patch.js';
export { ApiError, GrpcCode } from './errors.js';
export { systemClock, type Clock } from './time.js';
export { ManualClock } from './manual-clock.js';
export { REFRESH_ANNOTATION } from './sim-app.js';
export type * from './types.js';
export { ENDPOINTS } from './types.js';
