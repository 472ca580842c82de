// Small runner for the packaging suite of `npm test`: each step is one pass or failure, timed, with a
// line of its own, so the summary can say which step broke and how long each one took.
import { spawnSync } from 'node:child_process';

/**
 * Runs a command to completion. Output goes to the console unless `capture` is set, in which case
 * stdout and stderr are returned (and printed only when the command fails).
 * @returns {{ code: number, stdout: string, stderr: string }}
 */
export function exec(cmd, args, { cwd, env = {}, capture = false, timeoutMs = 10 * 60_000 } = {}) {
  const res = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = { code: res.status ?? 1, stdout: res.stdout ?? '', stderr: res.stderr ?? '' };
  if (res.error) out.stderr += `\n${res.error.message}`;
  if (capture && out.code !== 0) process.stdout.write(`${out.stdout}${out.stderr}`);
  return out;
}

/** Collects the steps' results; `run` and `skip` print one line per step. */
export function createSteps() {
  const results = [];
  return {
    results,
    /**
     * Runs `fn`; the step passes when it returns `true` or a string (a note) and fails when it returns
     * `false` or throws (the message is printed).
     */
    run(name, fn) {
      const started = performance.now();
      let ok = false;
      let note = '';
      try {
        const value = fn();
        ok = value === true || typeof value === 'string';
        if (typeof value === 'string') note = value;
      } catch (error) {
        note = error instanceof Error ? error.message : String(error);
      }
      const seconds = (performance.now() - started) / 1000;
      results.push({ name, ok, skipped: false, seconds });
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds.toFixed(1)} s)${note ? `: ${note}` : ''}`);
      return ok;
    },
    /** Records a step that did not run, with the reason on its line. */
    skip(name, why) {
      results.push({ name, ok: false, skipped: true, seconds: 0 });
      console.log(`SKIP ${name}: ${why}`);
    },
  };
}

/** Throws with `message` unless `condition` holds: the way a step says what is wrong. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}
