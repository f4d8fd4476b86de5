/** What steps use of Argo CD: the REST client, the pure assessment, and their types and errors. */
export {
  ArgoCdClient,
  type ArgoCdClientOptions,
  type ArgoCdCredentials,
  type RequestOptions,
  type AppRequestOptions,
  type GetApplicationOptions,
  type ListApplicationsOptions,
  type ManifestsOptions,
  type SyncOptions,
  type WatchOptions,
  serverUrl,
} from './client';
export {
  assess,
  type Assessment,
  type AssessContext,
  type AssessMemory,
  type AssessState,
  type Expectation,
  type SuspendedPolicy,
} from './assess';
export { diffResources, yamlOf, type DiffResourcesOptions, type ResourceChange, type ResourceDiff, type ResourceId } from './resource-diff';
export type { SecretKeyChange, SecretKeyChangeKind } from './secret-keys';
export { describeLive, rolloutNodes, type RolloutFinding } from './rollouts';
export type { DescendantPredicate } from './revision-match';
export { normaliseRepoURL, sourceLayout, type SourceSelector } from './sources';
export {
  ArgoCdError,
  ArgoCdAppNotFoundError,
  ArgoCdAuthError,
  ArgoCdConnectionError,
  ArgoCdHostNotFoundError,
  ArgoCdProtocolError,
  ArgoCdRequestError,
  ArgoCdServerError,
  ArgoCdStreamError,
  ArgoCdTimeoutError,
  ArgoCdTlsError,
  ArgoCdUnreachableError,
  isRetryableArgoCdError,
} from './errors';
export { parseApplication } from './parse';
export { isNothingListening, unreachableError } from './classify';
export { Reachability, type AnsweringClient } from './reachability';
export type * from './types';
