package main

// The API server's own validation, for what the chart relies on and typed decoding cannot see: required
// strings that decode as "", selectors that must match, names that must be unique, references between
// fields (a volumeMount naming a volume) and between documents (a Service selecting the Deployment's Pods).

import (
	"fmt"
	"strings"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// check runs the checks of each document; with crossDocument false (a Deployment could not be read), those
// matching Services and PodDisruptionBudgets to the Deployments' Pods are left out.
func check(docs []*doc, crossDocument bool) []string {
	var problems []string
	var podLabels []map[string]string
	var pods []*corev1.PodTemplateSpec
	for _, d := range docs {
		if dep, ok := d.obj.(*appsv1.Deployment); ok {
			podLabels = append(podLabels, dep.Spec.Template.Labels)
			pods = append(pods, &dep.Spec.Template)
		}
	}
	for _, d := range docs {
		var found []string
		switch o := d.obj.(type) {
		case *appsv1.Deployment:
			found = append(found, selects("spec.selector", o.Spec.Selector, []map[string]string{o.Spec.Template.Labels}, "the Pod template's labels")...)
			found = append(found, checkPod(&o.Spec.Template.Spec)...)
		case *corev1.Service:
			found = checkService(o, podLabels, crossDocument)
		case *policyv1.PodDisruptionBudget:
			if (o.Spec.MinAvailable == nil) == (o.Spec.MaxUnavailable == nil) {
				found = append(found, "spec: exactly one of minAvailable and maxUnavailable is required")
			}
			if crossDocument {
				found = append(found, selects("spec.selector", o.Spec.Selector, podLabels, "any Deployment's Pod labels")...)
			}
		case *admissionregistrationv1.ValidatingWebhookConfiguration:
			found = checkWebhooks(o)
		case *networkingv1.NetworkPolicy:
			found = checkNetworkPolicy(o, pods, crossDocument)
		}
		for _, f := range found {
			problems = append(problems, d.where()+": "+f)
		}
	}
	return problems
}

// selects: the selector is given, valid, and matches at least one of the label sets.
func selects(field string, sel *metav1.LabelSelector, sets []map[string]string, what string) []string {
	if sel == nil || (len(sel.MatchLabels) == 0 && len(sel.MatchExpressions) == 0) {
		return []string{field + " is required and must not be empty"}
	}
	s, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		return []string{field + ": " + err.Error()}
	}
	for _, set := range sets {
		if s.Matches(labels.Set(set)) {
			return nil
		}
	}
	return []string{fmt.Sprintf("%s (%s) does not match %s", field, s.String(), what)}
}

func checkPod(spec *corev1.PodSpec) []string {
	var out []string
	if len(spec.Containers) == 0 {
		out = append(out, "spec.template.spec.containers: at least one container is required")
	}
	volumes := map[string]bool{}
	for i, v := range spec.Volumes {
		if v.Name == "" {
			out = append(out, fmt.Sprintf("spec.template.spec.volumes[%d].name is required", i))
		}
		if volumes[v.Name] {
			out = append(out, fmt.Sprintf("spec.template.spec.volumes[%d].name %q is used twice", i, v.Name))
		}
		volumes[v.Name] = true
		if v.Secret != nil && v.Secret.SecretName == "" {
			out = append(out, fmt.Sprintf("spec.template.spec.volumes[%d].secret.secretName is required", i))
		}
		if v.ConfigMap != nil && v.ConfigMap.Name == "" {
			out = append(out, fmt.Sprintf("spec.template.spec.volumes[%d].configMap.name is required", i))
		}
	}
	names := map[string]bool{}
	all := append(append([]corev1.Container{}, spec.InitContainers...), spec.Containers...)
	for i, c := range all {
		at := fmt.Sprintf("spec.template.spec.containers[%s]", c.Name)
		if c.Name == "" {
			at = fmt.Sprintf("spec.template.spec.(init)containers, entry %d", i)
			out = append(out, at+": name is required")
		} else if names[c.Name] {
			out = append(out, at+": the name is used twice")
		}
		names[c.Name] = true
		if strings.TrimSpace(c.Image) == "" {
			out = append(out, at+": image is required")
		}
		for _, m := range c.VolumeMounts {
			if !volumes[m.Name] {
				out = append(out, fmt.Sprintf("%s.volumeMounts: %q names no volume of the Pod", at, m.Name))
			}
			if !strings.HasPrefix(m.MountPath, "/") {
				out = append(out, fmt.Sprintf("%s.volumeMounts[%s].mountPath must be absolute", at, m.Name))
			}
		}
		ports := map[string]bool{}
		for _, p := range c.Ports {
			if p.ContainerPort < 1 || p.ContainerPort > 65535 {
				out = append(out, fmt.Sprintf("%s.ports: containerPort %d out of range", at, p.ContainerPort))
			}
			if p.Name != "" {
				ports[p.Name] = true
			}
		}
		for kind, probe := range map[string]*corev1.Probe{"readinessProbe": c.ReadinessProbe, "livenessProbe": c.LivenessProbe, "startupProbe": c.StartupProbe} {
			if probe != nil && probe.HTTPGet != nil && !portKnown(probe.HTTPGet.Port, ports) {
				out = append(out, fmt.Sprintf("%s.%s: port %s is no port of the container", at, kind, probe.HTTPGet.Port.String()))
			}
		}
	}
	return out
}

func portKnown(p intstr.IntOrString, named map[string]bool) bool {
	if p.Type == intstr.String {
		return named[p.StrVal]
	}
	return p.IntVal >= 1 && p.IntVal <= 65535
}

func checkService(s *corev1.Service, podLabels []map[string]string, crossDocument bool) []string {
	var out []string
	if len(s.Spec.Ports) == 0 {
		out = append(out, "spec.ports: at least one port is required")
	}
	names := map[string]bool{}
	for i, p := range s.Spec.Ports {
		if len(s.Spec.Ports) > 1 && p.Name == "" {
			out = append(out, fmt.Sprintf("spec.ports[%d].name is required when there are several ports", i))
		}
		if names[p.Name] {
			out = append(out, fmt.Sprintf("spec.ports[%d].name %q is used twice", i, p.Name))
		}
		names[p.Name] = true
		if p.Port < 1 || p.Port > 65535 {
			out = append(out, fmt.Sprintf("spec.ports[%d].port %d out of range", i, p.Port))
		}
	}
	if len(s.Spec.Selector) == 0 {
		return append(out, "spec.selector: a Service without a selector reaches no Pod of the chart")
	}
	if !crossDocument {
		return out
	}
	sel := &metav1.LabelSelector{MatchLabels: s.Spec.Selector}
	return append(out, selects("spec.selector", sel, podLabels, "any Deployment's Pod labels")...)
}

func checkWebhooks(c *admissionregistrationv1.ValidatingWebhookConfiguration) []string {
	var out []string
	if len(c.Webhooks) == 0 {
		out = append(out, "webhooks: at least one webhook is required")
	}
	names := map[string]bool{}
	for i, w := range c.Webhooks {
		at := fmt.Sprintf("webhooks[%d]", i)
		// The API server requires a fully qualified name (at least three DNS labels), unique in the configuration.
		if strings.Count(w.Name, ".") < 2 {
			out = append(out, fmt.Sprintf("%s.name %q must be fully qualified (e.g. images.rsyncguard.dev)", at, w.Name))
		}
		if names[w.Name] {
			out = append(out, fmt.Sprintf("%s.name %q is used twice", at, w.Name))
		}
		names[w.Name] = true
		if w.SideEffects == nil {
			out = append(out, at+".sideEffects is required")
		}
		if len(w.AdmissionReviewVersions) == 0 {
			out = append(out, at+".admissionReviewVersions is required")
		}
		if (w.ClientConfig.URL == nil) == (w.ClientConfig.Service == nil) {
			out = append(out, at+".clientConfig: exactly one of url and service is required")
		}
		if s := w.ClientConfig.Service; s != nil {
			if s.Name == "" || s.Namespace == "" {
				out = append(out, at+".clientConfig.service: name and namespace are required")
			}
			if s.Path != nil && !strings.HasPrefix(*s.Path, "/") {
				out = append(out, at+".clientConfig.service.path must start with /")
			}
		}
		if w.FailurePolicy != nil && *w.FailurePolicy != admissionregistrationv1.Fail && *w.FailurePolicy != admissionregistrationv1.Ignore {
			out = append(out, fmt.Sprintf("%s.failurePolicy %q is neither Fail nor Ignore", at, *w.FailurePolicy))
		}
		if w.TimeoutSeconds != nil && (*w.TimeoutSeconds < 1 || *w.TimeoutSeconds > 30) {
			out = append(out, fmt.Sprintf("%s.timeoutSeconds %d is outside 1 to 30", at, *w.TimeoutSeconds))
		}
		if len(w.Rules) == 0 {
			out = append(out, at+".rules: at least one rule is required")
		}
		for field, sel := range map[string]*metav1.LabelSelector{"namespaceSelector": w.NamespaceSelector, "objectSelector": w.ObjectSelector} {
			if sel == nil {
				continue
			}
			if _, err := metav1.LabelSelectorAsSelector(sel); err != nil {
				out = append(out, fmt.Sprintf("%s.%s: %v", at, field, err))
			}
		}
	}
	return out
}
