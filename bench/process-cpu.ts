// CPU time used by a process and its descendants, from /proc (Linux). Throughput on a shared
// machine moves with whatever else runs; CPU milliseconds per request do not, or much less.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

function statOf(pid: number): { ppid: number; cpuTicks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** Milliseconds of CPU (user + system) used so far by `rootPid` and every process under it; null off Linux. */
export function processTreeCpuMs(rootPid: number): number | null {
  let pids: number[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return null;
  }
  const stats = new Map(pids.map((pid) => [pid, statOf(pid)] as const));
  const inTree = (pid: number): boolean => {
    for (let current: number | undefined = pid, depth = 0; current && depth < 64; depth++) {
      if (current === rootPid) return true;
      current = stats.get(current)?.ppid;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (stat && inTree(pid)) ticks += stat.cpuTicks;
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The same summed over several process trees (instances and a balancer); null off Linux. */
export function processesCpuMs(pids: number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const ms = processTreeCpuMs(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}
