// Preloaded into a CLI run by the hostile suite: on exit, writes the process's peak resident set size (KiB)
// to the file named by RSYNCGUARD_TEST_RSS_FILE, so a test can bound memory from the child's own usage.
import { writeFileSync } from 'node:fs';

const file = process.env.RSYNCGUARD_TEST_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // The test reports a missing figure; the run under test must not fail because of the probe.
    }
  });
}
