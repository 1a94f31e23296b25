/**
 * Where a process's main thread spent its CPU during a benchmark: the V8 sampling profiler (through
 * `node:inspector`) over a window, each sample's time given to a category by its stack. A sample
 * belongs to the first frame, leaf to root, in one of Homeroom's own modules that a category names
 * (identity issuance in the MDM CA, signature verification in cms.ts, ...); failing that, to the
 * first frame in a package a category names (PKI.js continuations after an `await` have no caller
 * frame of ours, so `pkijs` counts as verification; `typeorm` and `better-sqlite3` as the database).
 *
 * Sampling costs a few percent of CPU; the categories are what matters, not the last millisecond.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A category and what puts a frame in it. */
export interface Category {
  readonly name: string;
  /** Homeroom's own modules (matched first, anywhere in the stack). */
  readonly own?: RegExp;
  /** Packages and Node internals (matched when no own module decided). */
  readonly packages?: RegExp;
}

/** Milliseconds per category, plus `idle`, `gc` and `the rest`. */
export type CpuSplit = Record<string, number>;

export class CpuProfiler {
  private readonly session = new Session();

  /** Starts sampling every `intervalUs` microseconds. */
  async start(intervalUs = 1000): Promise<void> {
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await this.session.post('Profiler.start');
  }

  /** Stops and splits the samples by `categories`; `saveTo` also writes the profile (a `.cpuprofile` for DevTools). */
  async stop(categories: readonly Category[], saveTo?: string): Promise<CpuSplit> {
    const { profile } = (await this.session.post('Profiler.stop')) as unknown as { profile: Profile };
    this.session.disconnect();
    if (saveTo) fs.writeFileSync(saveTo, JSON.stringify(profile));
    return split(profile, categories);
  }
}

function split(profile: Profile, categories: readonly Category[]): CpuSplit {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const memo = new Map<number, string>();
  const categoryOf = (leaf: number): string => {
    const known = memo.get(leaf);
    if (known) return known;
    const name = byId.get(leaf)!.callFrame.functionName;
    let result: string | undefined =
      name === '(idle)' ? 'idle' : name === '(garbage collector)' ? 'gc' : name === '(program)' ? 'the rest' : undefined;
    if (!result) {
      const stack: ProfileNode[] = [];
      for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
      result =
        stack.map((frame) => categories.find((c) => c.own?.test(frame.callFrame.url))).find(Boolean)?.name ??
        stack.map((frame) => categories.find((c) => c.packages?.test(frame.callFrame.url))).find(Boolean)?.name ??
        'the rest';
    }
    memo.set(leaf, result);
    return result;
  };

  const totals: CpuSplit = {};
  profile.samples.forEach((id, i) => {
    const category = categoryOf(id);
    totals[category] = (totals[category] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return totals;
}

/**
 * CPU time of the main thread alone, in milliseconds, from Linux's `/proc/self/task/<pid>/stat`
 * (utime + stime, in USER_HZ = 100 ticks a second); null elsewhere. The profile's sample times are
 * wall time while busy, which CPU contention stretches; this says how much of it was CPU.
 */
export function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: state is the first, utime the 12th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
