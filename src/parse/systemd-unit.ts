/**
 * What a service unit says about the daemon it starts: the account it runs as and the sandboxing
 * directives it sets. Read as `Key=value` lines; a directive set to a false value ("no", "false", "0",
 * "off") is not hardening.
 */
const HARDENING = ['NoNewPrivileges', 'ProtectSystem', 'ProtectHome', 'PrivateDevices', 'PrivateTmp', 'CapabilityBoundingSet', 'ProtectKernelTunables', 'RestrictAddressFamilies', 'User', 'DynamicUser'];

export interface UnitSettings {
  user: string | null;
  hardening: string[];
}

export function parseUnitSettings(text: string): UnitSettings {
  const keys = new Map<string, string>();
  // systemd.syntax(7): a line ending in `\` continues on the next; systemd.service(5): an empty assignment resets the setting.
  for (const line of text.replace(/\\[ \t]*\n/g, ' ').split('\n')) {
    const m = /^[ \t]*([A-Za-z]+)[ \t]*=[ \t]*(.*?)\s*$/.exec(line);
    if (!m?.[1]) continue;
    if (m[2]) keys.set(m[1], m[2]);
    else keys.delete(m[1]);
  }
  return { user: keys.get('User') ?? keys.get('user') ?? null, hardening: HARDENING.filter((k) => keys.has(k) && !/^(no|false|0|off)$/i.test(keys.get(k) ?? '')) };
}
