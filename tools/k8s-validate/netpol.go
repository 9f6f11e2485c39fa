package main

// NetworkPolicy: what the API server refuses and decoding lets through (an ipBlock beside a selector, an
// except outside its cidr, a port out of range), and what would make the chart's policy guard nothing: a
// podSelector that matches none of the chart's Pods, or an ingress port that no container of those Pods has
// (the rule would then open a port nobody listens on while the real one stays closed).

import (
	"fmt"
	"net/netip"
	"regexp"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// A named port is an IANA service name: at most 15 characters, lowercase letters, digits and inner hyphens.
var portName = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$`)

func checkNetworkPolicy(p *networkingv1.NetworkPolicy, pods []*corev1.PodTemplateSpec, crossDocument bool) []string {
	var out []string
	sel, err := metav1.LabelSelectorAsSelector(&p.Spec.PodSelector)
	if err != nil {
		return append(out, "spec.podSelector: "+err.Error())
	}
	var selected []*corev1.PodTemplateSpec
	for _, pod := range pods {
		if sel.Matches(labels.Set(pod.Labels)) {
			selected = append(selected, pod)
		}
	}
	if crossDocument && len(selected) == 0 {
		out = append(out, fmt.Sprintf("spec.podSelector (%s) does not match any Deployment's Pod labels", sel.String()))
	}
	for i, t := range p.Spec.PolicyTypes {
		if t != networkingv1.PolicyTypeIngress && t != networkingv1.PolicyTypeEgress {
			out = append(out, fmt.Sprintf("spec.policyTypes[%d] %q is neither Ingress nor Egress", i, t))
		}
	}
	for i, r := range p.Spec.Ingress {
		at := fmt.Sprintf("spec.ingress[%d]", i)
		out = append(out, checkPeers(at+".from", r.From)...)
		out = append(out, checkPorts(at+".ports", r.Ports)...)
		if crossDocument && len(selected) > 0 {
			for j, port := range r.Ports {
				if port.Port != nil && !podsHavePort(selected, *port.Port) {
					out = append(out, fmt.Sprintf("%s.ports[%d]: port %s is no container port of the Pods the policy selects", at, j, port.Port.String()))
				}
			}
		}
	}
	for i, r := range p.Spec.Egress {
		at := fmt.Sprintf("spec.egress[%d]", i)
		out = append(out, checkPeers(at+".to", r.To)...)
		out = append(out, checkPorts(at+".ports", r.Ports)...)
	}
	return out
}

func checkPeers(at string, peers []networkingv1.NetworkPolicyPeer) []string {
	var out []string
	for i, peer := range peers {
		here := fmt.Sprintf("%s[%d]", at, i)
		if peer.IPBlock == nil && peer.PodSelector == nil && peer.NamespaceSelector == nil {
			out = append(out, here+": one of ipBlock, podSelector and namespaceSelector is required")
		}
		if peer.IPBlock != nil && (peer.PodSelector != nil || peer.NamespaceSelector != nil) {
			out = append(out, here+": ipBlock cannot be combined with podSelector or namespaceSelector")
		}
		for field, s := range map[string]*metav1.LabelSelector{"podSelector": peer.PodSelector, "namespaceSelector": peer.NamespaceSelector} {
			if s == nil {
				continue
			}
			if _, err := metav1.LabelSelectorAsSelector(s); err != nil {
				out = append(out, fmt.Sprintf("%s.%s: %v", here, field, err))
			}
		}
		if peer.IPBlock != nil {
			out = append(out, checkIPBlock(here+".ipBlock", peer.IPBlock)...)
		}
	}
	return out
}

// checkIPBlock: the cidr in canonical form (no host bits), each except a strict subset of it, as the API
// server's validation requires.
func checkIPBlock(at string, b *networkingv1.IPBlock) []string {
	cidr, err := netip.ParsePrefix(b.CIDR)
	if err != nil {
		return []string{fmt.Sprintf("%s.cidr %q is not a CIDR", at, b.CIDR)}
	}
	var out []string
	if cidr != cidr.Masked() {
		out = append(out, fmt.Sprintf("%s.cidr %q has host bits set (%s)", at, b.CIDR, cidr.Masked()))
	}
	for i, e := range b.Except {
		except, err := netip.ParsePrefix(e)
		switch {
		case err != nil:
			out = append(out, fmt.Sprintf("%s.except[%d] %q is not a CIDR", at, i, e))
		case except.Addr().Is4() != cidr.Addr().Is4() || except.Bits() <= cidr.Bits() || !cidr.Contains(except.Addr()):
			out = append(out, fmt.Sprintf("%s.except[%d] %q is not a strict subset of cidr %q", at, i, e, b.CIDR))
		}
	}
	return out
}

func checkPorts(at string, ports []networkingv1.NetworkPolicyPort) []string {
	var out []string
	for i, p := range ports {
		here := fmt.Sprintf("%s[%d]", at, i)
		if p.Protocol != nil && *p.Protocol != corev1.ProtocolTCP && *p.Protocol != corev1.ProtocolUDP && *p.Protocol != corev1.ProtocolSCTP {
			out = append(out, fmt.Sprintf("%s.protocol %q is none of TCP, UDP and SCTP", here, *p.Protocol))
		}
		if p.Port == nil {
			if p.EndPort != nil {
				out = append(out, here+".endPort needs a numeric port")
			}
			continue
		}
		if p.Port.Type == intstr.String {
			if !portName.MatchString(p.Port.StrVal) {
				out = append(out, fmt.Sprintf("%s.port %q is neither a number nor a port name", here, p.Port.StrVal))
			}
			if p.EndPort != nil {
				out = append(out, here+".endPort needs a numeric port")
			}
			continue
		}
		if p.Port.IntVal < 1 || p.Port.IntVal > 65535 {
			out = append(out, fmt.Sprintf("%s.port %d is outside 1 to 65535", here, p.Port.IntVal))
		}
		if p.EndPort != nil && (*p.EndPort < p.Port.IntVal || *p.EndPort > 65535) {
			out = append(out, fmt.Sprintf("%s.endPort %d is below port %d or above 65535", here, *p.EndPort, p.Port.IntVal))
		}
	}
	return out
}

// podsHavePort: a container of one of the Pods declares the port, by number or by name.
func podsHavePort(pods []*corev1.PodTemplateSpec, port intstr.IntOrString) bool {
	for _, pod := range pods {
		for _, c := range pod.Spec.Containers {
			for _, cp := range c.Ports {
				if (port.Type == intstr.String && cp.Name == port.StrVal) || (port.Type == intstr.Int && cp.ContainerPort == port.IntVal) {
					return true
				}
			}
		}
	}
	return false
}
