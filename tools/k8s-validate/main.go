// k8s-validate FILE|- …: checks rendered Kubernetes manifests (helm template output) against the API types.
//
// Each YAML document is decoded STRICTLY into the k8s.io/api type its apiVersion and kind name, with
// apimachinery's strict serializer: an unknown field, a field given twice or a value of the wrong type is an
// error, as `kubectl apply --validate=strict` makes it. Typed decoding cannot see what the API server's own
// validation adds (a container without an image decodes fine), so checks.go adds those we rely on.
// Custom resources (cert-manager, Prometheus Operator) are not k8s.io/api types: they are listed and left to
// test/chart, which validates them against their CRDs' published openAPIV3Schema.
//
// Exit status: 0 when every document is valid, 1 when any is not (each problem on its own line), 2 on usage.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

// customGroups are API groups whose kinds are CRDs validated elsewhere (test/chart/schemas).
var customGroups = map[string]bool{"cert-manager.io": true, "monitoring.coreos.com": true}

// doc is one YAML document of an input, with where it came from for messages.
type doc struct {
	file   string
	index  int
	source string // helm's "# Source: chart/templates/x.yaml" comment, when present
	raw    []byte
	obj    runtime.Object
	gvk    schema.GroupVersionKind
	name   string
}

func (d *doc) where() string {
	at := fmt.Sprintf("%s: document %d", d.file, d.index)
	if d.source != "" {
		at += " (" + d.source + ")"
	}
	if d.gvk.Kind != "" {
		at += " " + d.gvk.Kind
		if d.name != "" {
			at += "/" + d.name
		}
	}
	return at
}

var sourceComment = regexp.MustCompile(`(?m)^# Source: (\S+)`)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: k8s-validate FILE|- …")
		os.Exit(2)
	}
	scheme := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{appsv1.AddToScheme, corev1.AddToScheme, policyv1.AddToScheme, admissionregistrationv1.AddToScheme, networkingv1.AddToScheme} {
		if err := add(scheme); err != nil {
			fmt.Fprintln(os.Stderr, "k8s-validate:", err)
			os.Exit(2)
		}
	}
	decoder := serializer.NewCodecFactory(scheme, serializer.EnableStrict).UniversalDeserializer()
	var docs []*doc
	var problems []string
	// A Deployment that did not decode leaves no Pod labels to match Services and budgets against: those
	// checks are skipped rather than reported as a second, misleading problem.
	brokenDeployment := false
	for _, file := range os.Args[1:] {
		read, err := readDocs(file)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", file, err))
			continue
		}
		for _, d := range read {
			if msg := decode(decoder, scheme, d); msg != "" {
				problems = append(problems, d.where()+": "+msg)
				brokenDeployment = brokenDeployment || (d.gvk.Kind == "Deployment" && d.obj == nil)
			}
			if d.obj != nil || (d.gvk.Kind != "" && customGroups[d.gvk.Group]) {
				docs = append(docs, d)
			}
		}
	}
	problems = append(problems, check(docs, !brokenDeployment)...)
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(os.Stderr, "k8s-validate: %d problem(s)\n", len(problems))
		os.Exit(1)
	}
	custom := 0
	for _, d := range docs {
		if d.obj == nil {
			custom++
		}
	}
	fmt.Printf("k8s-validate: %d document(s) valid against the k8s.io/api types; %d custom resource(s) left to their CRD schemas\n", len(docs)-custom, custom)
}

// readDocs splits a multi-document YAML stream, dropping documents that hold only comments.
func readDocs(file string) ([]*doc, error) {
	var r io.Reader = os.Stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	reader := utilyaml.NewYAMLReader(bufio.NewReader(r))
	var out []*doc
	for i := 1; ; i++ {
		raw, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		d := &doc{file: file, index: i, raw: raw}
		if m := sourceComment.FindSubmatch(raw); m != nil {
			d.source = string(m[1])
		}
		if isEmpty(raw) {
			continue
		}
		out = append(out, d)
	}
}

func isEmpty(raw []byte) bool {
	for _, line := range bytes.Split(raw, []byte("\n")) {
		t := strings.TrimSpace(string(line))
		if t != "" && t != "---" && !strings.HasPrefix(t, "#") {
			return false
		}
	}
	return true
}

// decode fills d.obj (nil for a custom resource) and returns what is wrong, or "".
func decode(decoder runtime.Decoder, scheme *runtime.Scheme, d *doc) string {
	var head struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Metadata   struct {
			Name string `json:"name"`
		} `json:"metadata"`
	}
	if err := yaml.Unmarshal(d.raw, &head); err != nil {
		return "not YAML: " + err.Error()
	}
	if head.APIVersion == "" || head.Kind == "" {
		return "apiVersion and kind are required"
	}
	gv, err := schema.ParseGroupVersion(head.APIVersion)
	if err != nil {
		return err.Error()
	}
	d.gvk = gv.WithKind(head.Kind)
	d.name = head.Metadata.Name
	if d.name == "" {
		return "metadata.name is required"
	}
	if customGroups[gv.Group] {
		return ""
	}
	if !scheme.Recognizes(d.gvk) {
		return fmt.Sprintf("%s %s is not a kind this validator knows (apps/v1, v1, policy/v1, admissionregistration.k8s.io/v1, networking.k8s.io/v1)", head.APIVersion, head.Kind)
	}
	obj, _, err := decoder.Decode(d.raw, nil, nil)
	if err != nil {
		// A strict error (unknown or duplicate field) still decodes the object: kept for the other checks,
		// and an error all the same.
		if runtime.IsStrictDecodingError(err) {
			d.obj = obj
		}
		return err.Error()
	}
	d.obj = obj
	return ""
}
