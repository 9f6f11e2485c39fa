/**
 * Hand-written configurations for the differential suite, one per tricky case of
 * shared/reference/rsyncd.md §10 that an anonymous client on 127.0.0.1 can observe. `@BASE@` is the
 * scratch folder; every `[name]` gets a directory `@BASE@/name` before the daemon starts.
 */
export interface HandwrittenCase {
  row: string;
  conf: string;
  /** Extra files, relative to the scratch folder (include targets). */
  files?: Record<string, string>;
  /** Module directories to create besides those named by headers. */
  dirs?: string[];
}

export const HANDWRITTEN: HandwrittenCase[] = [
  { row: '#1 a trailing comment makes the boolean invalid: still listed, still read-only', conf: '[m]\npath=@BASE@/m\nlist = no # hide\nread only = no # x\n' },
  { row: '#4 a later [global] hosts deny reaches an earlier module', conf: '[early]\npath=@BASE@/early\n[global]\nhosts deny = *\nlist = no\n' },
  { row: '#5 the last hosts allow wins', conf: '[m]\npath=@BASE@/m\nhosts allow = 127.0.0.1\nhosts allow = 10.0.0.1\n[n]\npath=@BASE@/n\nhosts deny = 127.0.0.1\nhosts deny =\n' },
  { row: '#6 a duplicate header re-opens the first spelling', conf: '[Alpha]\npath=@BASE@/Alpha\n[alpha]\ncomment=x\nread only = no\n' },
  { row: '#7 name = renames the module', conf: '[zeta]\npath=@BASE@/zeta\nname = other\n' },
  { row: '#8 names ignore case and spaces, not underscores', conf: '[m]\npath=@BASE@/m\nR E A D O N L Y = no\n[n]\npath=@BASE@/n\nread_only = no\n' },
  { row: '#11 text after ] is discarded, so the path is lost', conf: '[m] path = @BASE@/m\n[n]\npath = @BASE@/n\n' },
  { row: '#12 a BOM hides the first header; its path becomes a global default', conf: '\uFEFF[m]\npath=@BASE@/m\nread only = no\n[n]\n' },
  {
    row: '#12b a BOM before a parameter makes its name unknown: "<BOM>auth users" is ignored, the module stays anonymous and writable',
    conf: '\uFEFFauth users = alice\nsecrets file = @BASE@/secrets\n[m]\npath=@BASE@/m\nread only = no\n',
  },
  { row: '#13 a NUL at line start ends the file', conf: '[a]\npath=@BASE@/a\n\0hosts deny = *\n[c]\npath=@BASE@/c\n' },
  { row: '#14 a bad section name makes every connection fail', conf: '[ok]\npath=@BASE@/ok\n[bad/name]\npath=@BASE@/ok\n' },
  { row: '#14b an unterminated header makes every connection fail', conf: '[ok]\npath=@BASE@/ok\n[x\n' },
  {
    row: '#15 after &include the parser is in global context',
    conf: '[m1]\npath=@BASE@/m1\n&include @BASE@/inc/x.conf\nread only = no\n[m2]\npath=@BASE@/m2\n',
    files: { 'inc/x.conf': '[inc]\npath = @BASE@/inc\n' },
    dirs: ['inc'],
  },
  {
    row: '#16 a directory include reads *.conf in byte order, dot-files too',
    conf: '&include @BASE@/d\n',
    files: { 'd/.h.conf': '[h]\npath=@BASE@/h\n', 'd/Z.conf': '[z]\npath=@BASE@/z\nread only = no\n', 'd/a.conf': '[a]\npath=@BASE@/a\n', 'd/b.inc': '[b]\npath=@BASE@/b\n' },
    dirs: ['d', 'h', 'z', 'a', 'b'],
  },
  {
    row: '#17 &merge inserts text in place: its globals leak forward',
    conf: '&merge @BASE@/g.inc\n[m]\npath=@BASE@/m\n[n]\npath=@BASE@/n\n&merge @BASE@/w.inc\n',
    files: { 'g.inc': 'hosts deny = 127.0.0.1\n', 'w.inc': 'read only = no\nhosts deny =\n' },
  },
  { row: '#19 a host in neither list is allowed', conf: '[m]\npath=@BASE@/m\nhosts allow = 10.0.0.0/8\nhosts deny = 192.168.0.0/16\n' },
  { row: '#20 wildcards match the reverse name only', conf: '[m]\npath=@BASE@/m\nhosts allow = 127.0.0.*\n[n]\npath=@BASE@/n\nhosts allow = *host\n' },
  {
    row: '#21 masks and odd IPv4 spellings',
    conf: '[a]\npath=@BASE@/a\nhosts allow = 10.1.1.1/0\n[b]\npath=@BASE@/b\nhosts allow = 127.0.0.1/33\n[c]\npath=@BASE@/c\nhosts allow = 127.0.0.1/-1\n[d]\npath=@BASE@/d\nhosts allow = 127.9.0.1/255.0.255.0\n[e]\npath=@BASE@/e\nhosts allow = 0177.0.0.1\n',
  },
  { row: '#22 UNDETERMINED admits everyone when lookups are off', conf: 'reverse lookup = no\n[m]\npath=@BASE@/m\nhosts allow = UNDETERMINED\n[n]\npath=@BASE@/n\nhosts allow = localhost\n' },
  {
    row: '#23 an unresolvable deny word fails closed; allow words are extra names',
    conf: '[m]\npath=@BASE@/m\nhosts deny = ALL\n[n]\npath=@BASE@/n\nhosts allow = 10.0.0.1 # only admin\n[o]\npath=@BASE@/o\nhosts allow = 10.0.0.1 # localhost only\n',
  },
  { row: '#24 IPv6 spellings never match an IPv4 client', conf: '[m]\npath=@BASE@/m\nhosts allow = ::ffff:127.0.0.1\n[n]\npath=@BASE@/n\nhosts allow = ::1\n' },
  { row: '#25 auth users whitespace traps still require auth', conf: '[m]\npath=@BASE@/m\nauth users = joe :deny\nsecrets file = @BASE@/secrets\n[n]\npath=@BASE@/n\nauth users = , joe :deny\n' },
  { row: '#31 max connections: abc is unlimited, -1 disables', conf: '[a]\npath=@BASE@/a\nmax connections = abc\n[b]\npath=@BASE@/b\nmax connections = -1\nlist = no\n' },
  { row: '#34 a global deny still lists the module', conf: 'hosts deny = *\n[m]\npath=@BASE@/m\ncomment=c\n' },
  { row: '#35 list = no hides an auth module, but auth still answers', conf: '[h]\npath=@BASE@/h\nlist = no\nauth users = joe\n' },
  { row: 'reverse lookup turned on by one module only', conf: 'reverse lookup = no\n[m]\npath=@BASE@/m\nreverse lookup = yes\nhosts allow = localhost\n[n]\npath=@BASE@/n\nhosts allow = localhost\nforward lookup = no\n' },
  { row: 'write only and read only together', conf: '[m]\npath=@BASE@/m\nwrite only = yes\nread only = no\n[n]\npath=@BASE@/n\nwrite only = yes\n' },
  { row: 'a module name with spaces is requested with single spaces', conf: '[my   mod]\npath=@BASE@/my mod\n' },
  {
    // Issue 12: rsync has no include depth limit; the module at the end of a 40-file chain is served.
    row: 'a 40-file &include chain is read to its end: anonymous write at the bottom',
    conf: '&include @BASE@/c/1.conf\n',
    files: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c/${i + 1}.conf`, i < 39 ? `&include @BASE@/c/${i + 2}.conf\n` : '[deep]\npath=@BASE@/deep\nread only = no\n'])),
    dirs: ['deep'],
  },
  {
    row: 'an include cycle after the first module: the daemon starts, every connection fails',
    conf: '[m]\npath=@BASE@/m\n&include @BASE@/loop.conf\n',
    files: { 'loop.conf': '&include @BASE@/loop.conf\n' },
  },
  {
    row: 'an include cycle before the first module: the daemon refuses to start',
    conf: '&include @BASE@/loop.conf\n[m]\npath=@BASE@/m\n',
    files: { 'loop.conf': '&include @BASE@/loop.conf\n' },
  },
];
