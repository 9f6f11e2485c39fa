/**
 * What an image's targets are called where a person reads them (issue 18): the image as the user typed it,
 * with what the image says of itself — `img.tar (test/rsyncd:1)` for an archive, `host/repo:tag@sha256:…`
 * for a registry — never a name the user did not write (`docker.io/…` for a file here). Labels are shown;
 * the target ids stay as they were (the repository, without tag), so waivers, baselines and code scanning
 * alerts carry over from one tag or digest to the next.
 */
import type { Report } from '../report/index.ts';
import { isLocalPath, isLocalTransport, type OpenedImage } from '../sources/index.ts';

/** The image's label, from the reference as shown (credentials withheld) and the opened image. */
export function imageLabel(shown: string, image: Pick<OpenedImage, 'digest' | 'name'>, paths: boolean): string {
  const local = isLocalTransport(shown) || (paths && isLocalPath(shown));
  if (!local) return image.digest !== null && !shown.includes('@') ? `${shown}@${image.digest}` : shown;
  const name = image.name;
  // An OCI layout named by its tag (`oci:dir:rsyncd`) already says it.
  return name === undefined || name === '' || shown.endsWith(`:${name}`) ? shown : `${shown} (${name})`;
}

/** The report with each target and error of the image labelled, where the label differs from its id. */
export function labelImageReport(report: Report, labels: ReadonlyMap<string, string>): Report {
  const label = <T extends { target: string }>(t: T): T => {
    const l = labels.get(t.target);
    return l === undefined || l === t.target ? t : { ...t, label: l };
  };
  return { ...report, targets: report.targets.map(label), errors: report.errors.map(label) };
}
