/**
 * Target kinds by name, and how a report places each. A file is a path in the repository that SARIF can point
 * at; a host or an image is not, so its SARIF results name it in the message, and its runs get a code-scanning
 * category of their own so that they never close the repository's alerts.
 */
export interface TargetKindInfo {
  description: string;
  /** What a SARIF result's message starts with. */
  sarifPrefix: (target: string) => string;
  /** The default SARIF category (automationDetails.id) of a run over a target of this kind called `name`. */
  category: (name?: string) => string;
}

export type TargetKind = 'file' | 'host' | 'image';

export const TARGET_KINDS: Readonly<Record<TargetKind, TargetKindInfo>> = {
  file: { description: 'a configuration file in a repository', sarifPrefix: () => '', category: () => 'rsyncguard/' },
  host: {
    description: 'a machine, as its collector saw it',
    sarifPrefix: (target) => `[host ${target}] `,
    category: (name) => (name === undefined ? 'rsyncguard/host/' : `rsyncguard/host/${name}/`),
  },
  image: {
    description: 'a container image',
    sarifPrefix: (target) => `[image ${target}] `,
    // A repository name may hold characters a category should not (a port's ":", a digest's "@").
    category: (repository) => (repository === undefined ? 'rsyncguard/image/' : `rsyncguard/image/${repository.replace(/[^A-Za-z0-9._/-]/g, '_')}/`),
  },
};
