import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../packages/core/src/runtime/cancellation';
import { Deadline, DeadlineExceededError, sleepUnlessAborted } from '../../packages/core/src/runtime/deadline';

describe('Deadline', () => {
  it('aborts its signal with DeadlineExceededError when the budget is spent', async () => {
    const deadline = new Deadline(20);
    await new Promise<void>((done) => deadline.signal.addEventListener('abort', () => done(), { once: true }));
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineExceededError);
    expect(deadline.expired()).toBe(true);
    expect(deadline.remainingMs()).toBe(0);
  });

  it('aborts with the parent signal reason first (a cancel beats the timeout)', () => {
    const parent = new AbortController();
    const deadline = new Deadline(60_000, parent.signal);
    expect(deadline.signal.aborted).toBe(false);
    parent.abort(new CancelledError('SIGTERM'));
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBeInstanceOf(CancelledError);
    deadline.dispose();
  });

  it('counts down on the injected clock', () => {
    let now = 1000;
    const deadline = new Deadline(500, undefined, () => now);
    expect(deadline.remainingMs()).toBe(500);
    now = 1400;
    expect(deadline.remainingMs()).toBe(100);
    now = 2000;
    expect(deadline.remainingMs()).toBe(0);
    deadline.dispose();
  });
});

describe('sleepUnlessAborted', () => {
  it('returns as soon as the signal fires', async () => {
    const controller = new AbortController();
    const sleeping = sleepUnlessAborted(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).resolves.toBeUndefined();
  });
});

describe('abortOnSignals', () => {
  it('turns the first SIGTERM into an abort the step handles, and a second one into the default exit', async () => {
    const module = resolve(import.meta.dirname, '../../packages/core/src/runtime/cancellation.ts');
    const script = `
      import { abortOnSignals } from ${JSON.stringify(module)};
      const controller = new AbortController();
      abortOnSignals(controller);
      controller.signal.addEventListener('abort', () => process.stdout.write('aborted:' + controller.signal.reason.message + '\\n'));
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const seen = (text: string): Promise<void> =>
      new Promise((done, fail) => {
        const check = (): void => {
          if (out.includes(text)) done();
        };
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          check();
        });
        child.once('exit', () => fail(new Error(`child exited before printing ${text}: ${out}`)));
        check();
      });
    await seen('ready');
    const ended = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    child.kill('SIGTERM');
    await seen('aborted:Cancelled by SIGTERM before the step finished.');
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
  });
});
