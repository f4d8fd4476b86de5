/**
 * @gitops-promote/argocd-simulator: an Argo CD API server simulator reconciling real git
 * repositories, for the tests, benchmark and demo of steps that talk to Argo CD.
 */
export { ArgoCdSimulator, startArgoCdSimulator } from './simulator';
export type { SimulatorOptions, Timeline, TimelineStep, WaitOptions } from './simulator';
export type { AppConfig, AppRules, RevisionContext, SimTimings, SourceConfig } from './options';
export { DEFAULT_TIMINGS } from './options';
export type { ImageMatcher, ContainerImage } from './images';
export type { FaultAction, FaultHandle, FaultSpec } from './faults';
export type { RequestRecord } from './request-log';
export type { TokenGrant, UserConfig } from './auth';
export type { SyncRequest } from './controller';
export type { Stage } from './holds';
export { STAGES } from './holds';
export type { StoreEvent } from './store';
export type { MergePatch } from './merge-patch';
export { ApiError, GrpcCode } from './errors';
export { REFRESH_ANNOTATION } from './sim-app';
export type * from './types';
export { ENDPOINTS } from './types';
