/**
 * A small list of passwords that attackers try first: the most frequent entries of public breach
 * statistics, plus the words people put in rsync secrets files (service and module names, defaults
 * from tutorials). Compared case-insensitively. It exists to derive one boolean; it is never printed.
 */
const WORDS = `
123456 123456789 12345678 12345 1234567 1234567890 1234 111111 000000 123123 654321 666666 121212 112233
123321 7777777 88888888 987654321 password password1 password123 passw0rd p@ssw0rd p@ssword qwerty
qwerty123 qwertyuiop asdfgh asdfghjkl zxcvbnm 1q2w3e4r 1qaz2wsx abc123 abcd1234 iloveyou admin admin123
administrator root toor letmein welcome welcome1 monkey dragon football baseball master shadow sunshine
princess superman trustno1 starwars whatever freedom hello login default guest test test123 testing
changeme change_me secret secret123 pass pass123 user demo temp temp123 backup backups backup123 mirror
mirrors rsync rsyncd rsync123 rsyncpass rsyncpassword rsync_pass sync sync123 ftp anonymous nobody
server linux debian ubuntu centos redhat oracle postgres mysql changeit 1q2w3e 123qwe qazwsx
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ''));
