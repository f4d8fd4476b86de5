import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

describe('watchLauncher + cancelAsBy', () => {
  /** Runs `script` as a grandchild under an intermediate node process; resolves the grandchild's pid. */
  function underLauncher(script: string): Promise<{ launcher: ReturnType<typeof spawn>; step: number }> {
    const launcherScript = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ${JSON.stringify(script)}], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (chunk) => process.stdout.write(chunk));
      process.stdout.write('pid:' + child.pid + '\\n');
      setInterval(() => {}, 1000);
    `;
    const launcher = spawn(process.execPath, ['-e', launcherScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    return new Promise((done, fail) => {
      let out = '';
      launcher.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const pid = /pid:(\d+)/.exec(out)?.[1];
        if (pid && out.includes('ready')) done({ launcher, step: Number(pid) });
      });
      launcher.once('exit', () => fail(new Error(`launcher exited early: ${out}`)));
    });
  }

  /** Running: a zombie (ended, not yet reaped by whoever adopted it) counts as gone. */
  const alive = (pid: number): boolean => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  };

  it('a step that does not listen for signals ends when its launcher dies, as by SIGTERM', async () => {
    const module = resolve(import.meta.dirname, '../../packages/core/src/runtime/cancellation.ts');
    const script = `
      import { cancelAsBy, watchLauncher } from ${JSON.stringify(module)};
      watchLauncher({ onGone: () => cancelAsBy('SIGTERM'), onWrapperSignalled: () => cancelAsBy('SIGINT'), intervalMs: 100 });
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);
    `;
    const { launcher, step } = await underLauncher(script);
    try {
      expect(alive(step)).toBe(true);
      // The launcher dies without passing anything on, as npx's shell does on SIGTERM.
      launcher.kill('SIGKILL');
      for (let tries = 0; tries < 100 && alive(step); tries += 1) await new Promise((done) => setTimeout(done, 100));
      expect(alive(step)).toBe(false);
    } finally {
      if (alive(step)) process.kill(step, 'SIGKILL');
    }
  });
});
