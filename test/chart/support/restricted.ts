/**
 * The Pod Security Standards' "restricted" profile (kubernetes.io/docs/concepts/security/pod-security-standards,
 * the checks of its "latest" version that a Pod spec can fail), as the admission controller applies it to a
 * namespace labelled pod-security.kubernetes.io/enforce=restricted: each violation in words.
 */
import type { Container, PodSpec } from './chart.ts';

/** Volume sources the restricted profile allows; hostPath and every other is refused. */
const ALLOWED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

export function restrictedViolations(pod: PodSpec): string[] {
  const out: string[] = [];
  if (pod.hostNetwork === true || pod.hostPID === true || pod.hostIPC === true) out.push('host namespaces are shared');
  for (const v of pod.volumes ?? []) {
    for (const source of Object.keys(v).filter((k) => k !== 'name')) {
      if (!ALLOWED_VOLUMES.has(source)) out.push(`volume ${v.name} is of type ${source}`);
    }
  }
  const podCtx = pod.securityContext ?? {};
  if (podCtx.runAsUser === 0) out.push('the Pod runs as uid 0');
  const containers: Container[] = [...(pod.initContainers ?? []), ...pod.containers];
  for (const c of containers) {
    const ctx = c.securityContext ?? {};
    const at = `container ${c.name}`;
    if (ctx.privileged === true) out.push(`${at} is privileged`);
    if (ctx.allowPrivilegeEscalation !== false) out.push(`${at}: allowPrivilegeEscalation is not false`);
    if (ctx.runAsNonRoot !== true && podCtx.runAsNonRoot !== true) out.push(`${at}: runAsNonRoot is not true (Pod or container)`);
    if (ctx.runAsNonRoot === false) out.push(`${at}: runAsNonRoot is false`);
    if (ctx.runAsUser === 0) out.push(`${at} runs as uid 0`);
    const seccomp = ctx.seccompProfile?.type ?? podCtx.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') out.push(`${at}: seccompProfile is ${seccomp ?? 'not set'}, not RuntimeDefault or Localhost`);
    if (!(ctx.capabilities?.drop ?? []).includes('ALL')) out.push(`${at}: capabilities do not drop ALL`);
    for (const cap of ctx.capabilities?.add ?? []) if (cap !== 'NET_BIND_SERVICE') out.push(`${at} adds the capability ${cap}`);
    for (const p of c.ports ?? []) if (p.hostPort !== undefined && p.hostPort !== 0) out.push(`${at} uses hostPort ${p.hostPort}`);
  }
  return out;
}
