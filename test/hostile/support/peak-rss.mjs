// Preloaded into a CLI run by the hostile suite: on exit, writes the process's peak resident set size (KiB)
// to the file named by RSYNCGUARD_TEST_RSS_FILE, so a test can bound memory from the child's own usage.
import { readFileSync, writeFileSync } from 'node:fs';

// Linux keeps getrusage's maxRSS across execve, and a spawned child starts as a copy of the test runner:
// maxRSS would report the runner's own size when that is larger (a test that built a 400 MiB input read
// "400 MiB" for a 40 MiB child). VmHWM belongs to the address space exec created, so it is the child's own.
function peakKiB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // No procfs: fall back to the (possibly inflated) figure below.
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.RSYNCGUARD_TEST_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(peakKiB()));
    } catch {
      // The test reports a missing figure; the run under test must not fail because of the probe.
    }
  });
}
