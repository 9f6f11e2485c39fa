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
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1]) keys.set(m[1], m[2] ?? '');
  }
  return { user: keys.get('User') ?? keys.get('user') ?? null, hardening: HARDENING.filter((k) => keys.has(k) && !/^(no|false|0|off)$/i.test(keys.get(k) ?? '')) };
}
