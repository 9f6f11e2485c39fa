/**
 * `refuse options` names that refuse nothing. rsync (options.c, set_refuse_options and
 * parse_one_refuse_match) splits the value on spaces only, drops a leading `!`, and matches each name
 * (wildcards allowed) against the long and short names of its option table, long_options; a name that
 * matches none is logged as "No match for refuse-options string" and otherwise ignored. The names below
 * are that table's, as in rsync 3.5.0 (https://github.com/RsyncProject/rsync/blob/master/options.c).
 */

const LONG_NAMES = `help version verbose no-verbose no-v info debug stderr msgs2stderr no-msgs2stderr quiet motd no-motd
stats human-readable no-human-readable no-h dry-run archive recursive no-recursive no-r inc-recursive
no-inc-recursive i-r no-i-r dirs no-dirs no-d old-dirs old-d perms no-perms no-p executability acls no-acls
no-A xattrs no-xattrs no-X times no-times no-t atimes no-atimes no-U open-noatime no-open-noatime crtimes
no-crtimes no-N omit-dir-times no-omit-dir-times no-O omit-link-times no-omit-link-times no-J modify-window
super no-super fake-super owner no-owner no-o group no-group no-g no-D devices no-devices copy-devices
write-devices no-write-devices specials no-specials links no-links no-l copy-links copy-unsafe-links
safe-links munge-links no-munge-links copy-dirlinks keep-dirlinks hard-links no-hard-links no-H relative
no-relative no-R implied-dirs no-implied-dirs i-d no-i-d chmod ignore-times size-only one-file-system
no-one-file-system no-x update existing ignore-non-existing ignore-existing max-size min-size max-alloc
sparse no-sparse no-S preallocate inplace no-inplace append append-verify no-append del delete delete-before
delete-during delete-delay delete-after delete-excluded delete-missing-args ignore-missing-args
remove-sent-files remove-source-files force no-force ignore-errors no-ignore-errors max-delete filter exclude
include exclude-from include-from cvs-exclude whole-file no-whole-file no-W checksum no-checksum no-c
checksum-choice cc block-size compare-dest copy-dest link-dest fuzzy no-fuzzy no-y compress old-compress
new-compress no-compress no-z compress-choice zc skip-compress compress-level zl progress no-progress partial
no-partial partial-dir delay-updates no-delay-updates prune-empty-dirs no-prune-empty-dirs no-m log-file
log-file-format out-format log-format itemize-changes no-itemize-changes no-i bwlimit no-bwlimit backup
no-backup backup-dir suffix list-only read-batch write-batch only-write-batch files-from from0 no-from0
old-args no-old-args secluded-args no-secluded-args protect-args no-protect-args no-s trust-sender
numeric-ids no-numeric-ids usermap groupmap chown timeout no-timeout contimeout no-contimeout fsync
stop-after time-limit stop-at rsh rsync-path temp-dir iconv no-iconv ipv4 ipv6 8-bit-output no-8-bit-output
no-8 mkpath no-mkpath qsort copy-as address port sockopts password-file early-input blocking-io
no-blocking-io outbuf remote-option protocol checksum-seed server sender config daemon dparam detach
no-detach`.split(/\s+/);

const SHORT_NAMES = 'VvqhnardpEAXtUNOJ@ogDlLkKHRIxuSFfCWcByzPib0seTM468m'.split('');

const NAMES: readonly string[] = [...LONG_NAMES, ...SHORT_NAMES];

/** rsync's wildmatch for the patterns people write here: `*`, `?` and `[…]` classes. */
function globRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether one `refuse options` name (after any `!`) matches an option rsync knows. */
export function refuseNameMatches(name: string): boolean {
  if (name === 'a' || name === 'archive') return true;
  if (!/[*?[]/.test(name)) return NAMES.includes(name);
  const re = globRegex(name);
  return NAMES.some((n) => re.test(n));
}

/**
 * The names in a `refuse options` value that match no option, in order. Tokens with a comma or a tab are
 * left to RSYNC-010 (the whole token is then one unknown name, for the same reason).
 */
export function unknownRefuseNames(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(' ')
    .filter((t) => t !== '' && !/[,\t]/.test(t))
    .map((t) => (t.startsWith('!') ? t.slice(1) : t))
    .filter((t) => t !== '' && !refuseNameMatches(t));
}
