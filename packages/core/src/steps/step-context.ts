import type { ArgoCdClient, ArgoCdClientOptions } from '../argocd/client';
import type { Forge } from '../forge/forge';
import { forgeOfRemote, type RemoteForge } from '../forge/select';
import type { Platform } from '../platform/platform';
import type { GitRepository } from '../git/git-repository';
import type { ForgeTarget } from '../promotion/forge-client';
import { systemClock, type Backoff, type Clock } from '../runtime/retry';

/**
 * What the registry hands a step besides its platform: time, the environment, and the factory of
 * the forge client it talks through. Entries get the real ones (defaultStepContext); tests build
 * their own (test/support/step-context.ts), so no run function takes a test-only option.
 */
export interface StepContext {
  env: NodeJS.ProcessEnv;
  /** Time and waiting, for every retry loop of the step. */
  clock: Clock;
  /** How far apart retries after a lost push race are spread (see runtime/retry.ts). */
  backoff: Backoff;
  /** The forge behind a remote URL, with what the inputs say of it (see forge/select.ts); undefined when unknown. */
  forgeOfRemote(remoteUrl: string, given: Partial<RemoteForge>): RemoteForge | undefined;
  /** The forge client for `target`, logging to and redacted by `platform`. */
  openForge(target: ForgeTarget, platform: Platform): Promise<Forge>;
  /** The Argo CD client a step reads applications with (the review sections of a change request). */
  connectArgoCd(options: ArgoCdClientOptions): Promise<ArgoCdClient>;
  /** Git, behind GitRepository: the user's checkout, or a scratch clone (see promotion/checkout.ts). */
  git: GitFactory;
}

export interface GitFactory {
  openCheckout(path: string, remote: string, token: string | undefined, useToken: boolean, platform: Platform): Promise<GitRepository>;
  openScratchClone(dir: string, url: string, token: string, forge: string, platform: Platform): Promise<GitRepository>;
}

/** The context of a real run: the process's environment and clock, the forge's own HTTP client. */
export function defaultStepContext(env: NodeJS.ProcessEnv = process.env): StepContext {
  return {
    env,
    clock: systemClock,
    backoff: {},
    forgeOfRemote: (remoteUrl, given) => forgeOfRemote(remoteUrl, env, given),
    // Loaded when a step first uses them: the CLI's start-up pays only for the step it runs.
    openForge: async (target, platform) => (await import('../promotion/forge-client')).openForge(target, platform, { env }),
    // The HTTP client (undici) loads only when a step talks to Argo CD.
    connectArgoCd: async (options) => new (await import('../argocd/client')).ArgoCdClient(options),
    git: {
      openCheckout: async (...args) => (await import('../promotion/checkout')).openCheckout(...args),
      openScratchClone: async (dir, url, token, forge, platform) => (await import('../promotion/checkout')).openScratchClone(dir, url, token, forge, platform, env),
    },
  };
}
