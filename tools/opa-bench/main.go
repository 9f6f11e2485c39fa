// opa-bench: the Go side of the engine comparison (bench/compare.ts). OPA's own evaluator on the same Rego,
// the same data and the same facts documents as rsyncguard's engine, in its fastest form: the query
// prepared once, every input converted to an ast.Value before the clock starts, so only evaluation is timed.
//
// Usage: opa-bench -policy DIR -data DATA.json -input DOCS.json [-seconds S] [-rounds N] [-dump OUT.json] [-cpuprofile F]
// DOCS.json is a JSON array of facts documents. It prints one JSON object: documents, findings (summed over
// one pass), and documents/s for each round; -dump writes each document's raw findings so that the caller
// can check they agree with its own engine.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/util"
)

type report struct {
	Documents int       `json:"documents"`
	Findings  int       `json:"findings"`
	PrepareMs float64   `json:"prepare_ms"`
	Rates     []float64 `json:"rates"`
}

func main() {
	policy := flag.String("policy", "", "directory of .rego files (files ending _test.rego and data files are skipped)")
	dataFile := flag.String("data", "", "JSON object loaded as data (the CVE table)")
	inputFile := flag.String("input", "", "JSON array of input documents")
	query := flag.String("query", "data.rsyncguard.main.findings", "the query; its value must be an array")
	seconds := flag.Float64("seconds", 1, "minimum duration of one round")
	rounds := flag.Int("rounds", 5, "rounds after one warm-up pass")
	dump := flag.String("dump", "", "write every document's findings here (JSON array of arrays)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the timed rounds here")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			_ = pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if err := run(*policy, *dataFile, *inputFile, *query, *seconds, *rounds, *dump); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "opa-bench:", err)
		os.Exit(1)
	}
}

func readJSON(path string, into any) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	// util.UnmarshalJSON keeps numbers as json.Number, as OPA reads its own inputs.
	return util.UnmarshalJSON(raw, into)
}

func run(policy, dataFile, inputFile, query string, seconds float64, rounds int, dump string) error {
	if policy == "" || inputFile == "" {
		return errors.New("-policy and -input are required")
	}
	data := map[string]any{}
	if dataFile != "" {
		if err := readJSON(dataFile, &data); err != nil {
			return fmt.Errorf("%s: %w", dataFile, err)
		}
	}
	var docs []any
	if err := readJSON(inputFile, &docs); err != nil {
		return fmt.Errorf("%s: %w", inputFile, err)
	}
	inputs := make([]ast.Value, len(docs))
	for i, d := range docs {
		v, err := ast.InterfaceToValue(d)
		if err != nil {
			return fmt.Errorf("document %d: %w", i, err)
		}
		inputs[i] = v
	}
	// Only policy: the data files under the policy folder would load at other paths than the engine's data.
	onlyRego := func(_ string, info fs.FileInfo, _ int) bool {
		if info.IsDir() {
			return false
		}
		return !strings.HasSuffix(info.Name(), ".rego") || strings.HasSuffix(info.Name(), "_test.rego")
	}
	ctx := context.Background()
	started := time.Now()
	loaded, err := loader.NewFileLoader().WithProcessAnnotation(true).Filtered([]string{policy}, onlyRego)
	if err != nil {
		return err
	}
	options := []func(*rego.Rego){rego.Query(query), rego.Store(inmem.NewFromObjectWithOpts(data, inmem.OptReturnASTValuesOnRead(true)))}
	for _, m := range loaded.ParsedModules() {
		options = append(options, rego.ParsedModule(m))
	}
	prepared, err := rego.New(options...).PrepareForEval(ctx)
	if err != nil {
		return err
	}
	out := report{Documents: len(inputs), PrepareMs: float64(time.Since(started).Microseconds()) / 1000}

	eval := func(in ast.Value) ([]any, error) {
		rs, err := prepared.Eval(ctx, rego.EvalParsedInput(in))
		if err != nil {
			return nil, err
		}
		if len(rs) == 0 || len(rs[0].Expressions) == 0 {
			return nil, nil
		}
		list, ok := rs[0].Expressions[0].Value.([]any)
		if !ok {
			return nil, fmt.Errorf("the query's value is %T, not an array", rs[0].Expressions[0].Value)
		}
		return list, nil
	}

	// The warm-up pass counts the findings and, if asked, keeps them for the caller's check.
	all := make([][]any, 0, len(inputs))
	for i, in := range inputs {
		list, err := eval(in)
		if err != nil {
			return fmt.Errorf("document %d: %w", i, err)
		}
		out.Findings += len(list)
		if dump != "" {
			all = append(all, list)
		}
	}
	if dump != "" {
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(all); err != nil {
			return err
		}
		if err := os.WriteFile(dump, buf.Bytes(), 0o600); err != nil {
			return err
		}
	}

	for r := 0; r < rounds; r++ {
		n := 0
		t := time.Now()
		for time.Since(t).Seconds() < seconds {
			for _, in := range inputs {
				if _, err := eval(in); err != nil {
					return err
				}
			}
			n += len(inputs)
		}
		out.Rates = append(out.Rates, float64(n)/time.Since(t).Seconds())
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}
