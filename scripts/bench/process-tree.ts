import fs from "node:fs";

// Peak memory of the server under load: `npm start` is a launcher and one or more server
// processes, so the figure is the sum of VmRSS over the whole tree, sampled while a workload runs.

/** The pid and every descendant of it, read from /proc (Linux). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the name in field 2 may hold spaces, so split after ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we read
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** Resident memory of one process in bytes, or 0 if it is gone. */
export function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export type RssPeak = { total: number; largestProcess: number; processes: number };

/** Samples the trees under `roots` every 200 ms until stop() is called; returns the peaks. */
export function watchRss(roots: number[]): { stop: () => RssPeak } {
  const peak: RssPeak = { total: 0, largestProcess: 0, processes: 0 };
  const sample = () => {
    const pids = roots.flatMap(processTree);
    const sizes = pids.map(rssOf);
    peak.total = Math.max(
      peak.total,
      sizes.reduce((a, b) => a + b, 0),
    );
    peak.largestProcess = Math.max(peak.largestProcess, ...sizes);
    peak.processes = Math.max(peak.processes, pids.length);
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
