import type { Platform } from '../../platform/platform';
import { Deadline } from '../../runtime/deadline';
import type { WaitArgocdConfig } from './config';
import type { WaitContext } from './context';
import type { WaitResult } from './verdict';
import { Waiter } from './waiter';

export { ApplicationNotReadyError, type AppReport, type WaitResult } from './verdict';

/**
 * Waits until every app runs the revision (Synced and Healthy), one fails, or `timeout` passes,
 * and returns the verdict with each app's report. Connects, listens for a cancel, and leaves
 * nothing behind (client, handlers, timers) however it ends.
 */
export async function runWaitArgocdHealthy(config: WaitArgocdConfig, platform: Platform, context: WaitContext): Promise<WaitResult> {
  if ('token' in config.auth) platform.setSecret(config.auth.token);
  else platform.setSecret(config.auth.password);
  const started = context.now();
  // First, as it validates the server URL and CA: a bad input leaves no handler or timer behind.
  const client = await context.connect({
    server: config.server,
    credentials: config.auth,
    redact: (text) => platform.redact(text),
    timeoutMs: config.requestTimeoutMs,
    ...(config.caCert ? { caCert: config.caCert } : {}),
    insecure: config.insecure,
    onSessionToken: (token) => platform.setSecret(token),
  });
  const cancel = new AbortController();
  const stopListening = context.onCancel(cancel);
  const deadline = new Deadline(config.timeoutMs, cancel.signal, context.now);
  const waiter = new Waiter({ config, platform, client, deadline, context, started });
  try {
    return await platform.group(`Waiting for Argo CD (${client.host})`, () => waiter.run());
  } finally {
    deadline.dispose();
    stopListening();
    await client.close();
  }
}
