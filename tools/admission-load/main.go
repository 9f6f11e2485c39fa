// admission-load: the client side of the admission rate figure (bench/admission-figures.ts), built like the
// Kubernetes API server's webhook client: Go's net/http over TLS, a fixed number of kept-alive
// connections, one request at a time on each (HTTP/1.1). Open loop: request i is due at start + i/rate and
// leaves then, whether or not earlier answers came; its latency counts from when it was due, so a server
// falling behind shows in the figure instead of slowing the client down (no coordinated omission).
//
// Usage: admission-load -url URL -ca CA.pem -bodies BODIES.json [-rate N] [-seconds S] [-warmup S] [-conns N] [-expect TEXT]
// BODIES.json is a JSON array of request bodies (strings), sent in turn. It prints one JSON object: the
// requests sent, answered (HTTP 200 whose body holds -expect) and failed, latency percentiles in ms, the
// wall time, and this client's CPU per request.
package main

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"sync"
	"syscall"
	"time"
)

type result struct {
	Sent        int     `json:"sent"`
	Answered    int     `json:"answered"`
	Failed      int     `json:"failed"`
	P50         float64 `json:"p50_ms"`
	P90         float64 `json:"p90_ms"`
	P99         float64 `json:"p99_ms"`
	Max         float64 `json:"max_ms"`
	WallSeconds float64 `json:"wall_s"`
	CPUPerReqMs float64 `json:"client_cpu_ms_per_request"`
}

func main() {
	url := flag.String("url", "", "the webhook's review URL")
	caFile := flag.String("ca", "", "PEM file of the CA that signed the webhook's certificate")
	bodiesFile := flag.String("bodies", "", "JSON array of request bodies")
	rate := flag.Int("rate", 1000, "requests per second")
	seconds := flag.Float64("seconds", 10, "how long the measured run lasts")
	warmup := flag.Float64("warmup", 2, "an unmeasured run at the same rate first")
	conns := flag.Int("conns", 8, "kept-alive connections")
	expect := flag.String("expect", `"allowed":true`, "text an answer's body must hold to count as answered")
	flag.Parse()
	if err := run(*url, *caFile, *bodiesFile, *rate, *seconds, *warmup, *conns, *expect); err != nil {
		fmt.Fprintln(os.Stderr, "admission-load:", err)
		os.Exit(2)
	}
}

func run(url, caFile, bodiesFile string, rate int, seconds, warmup float64, conns int, expect string) error {
	if url == "" || caFile == "" || bodiesFile == "" || rate <= 0 || conns <= 0 || seconds < 0 || warmup < 0 {
		return errors.New("-url, -ca and -bodies are needed; -rate and -conns must be positive, -seconds and -warmup not negative")
	}
	ca, err := os.ReadFile(caFile)
	if err != nil {
		return err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca) {
		return fmt.Errorf("%s holds no PEM certificate", caFile)
	}
	raw, err := os.ReadFile(bodiesFile)
	if err != nil {
		return err
	}
	var texts []string
	if err := json.Unmarshal(raw, &texts); err != nil || len(texts) == 0 {
		return fmt.Errorf("%s: not a non-empty JSON array of strings", bodiesFile)
	}
	bodies := make([][]byte, len(texts))
	for i, t := range texts {
		bodies[i] = []byte(t)
	}
	client := &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig:     &tls.Config{RootCAs: pool},
			MaxConnsPerHost:     conns,
			MaxIdleConnsPerHost: conns,
			IdleConnTimeout:     time.Minute,
			DisableCompression:  true,
		},
	}
	if warmup > 0 {
		openLoop(client, url, bodies, rate, warmup, []byte(expect))
	}
	before := cpuTime()
	r := openLoop(client, url, bodies, rate, seconds, []byte(expect))
	if r.Sent > 0 {
		r.CPUPerReqMs = float64((cpuTime() - before).Microseconds()) / 1000 / float64(r.Sent)
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

func openLoop(client *http.Client, url string, bodies [][]byte, rate int, seconds float64, expect []byte) result {
	total := int(float64(rate) * seconds)
	latencies := make([]float64, 0, total)
	var mu sync.Mutex
	var wg sync.WaitGroup
	failed := 0
	start := time.Now()
	for i := 0; i < total; i++ {
		// Exact at any rate: i seconds' worth of requests, not i times a rounded interval.
		due := start.Add(time.Duration(int64(i) * int64(time.Second) / int64(rate)))
		if wait := time.Until(due); wait > 0 {
			time.Sleep(wait)
		}
		wg.Add(1)
		go func(body []byte) {
			defer wg.Done()
			ok := send(client, url, body, expect)
			ms := float64(time.Since(due).Microseconds()) / 1000
			mu.Lock()
			defer mu.Unlock()
			if ok {
				latencies = append(latencies, ms)
			} else {
				failed++
			}
		}(bodies[i%len(bodies)])
	}
	wg.Wait()
	wall := time.Since(start).Seconds()
	slices.Sort(latencies)
	return result{Sent: total, Answered: len(latencies), Failed: failed, P50: percentile(latencies, 50), P90: percentile(latencies, 90), P99: percentile(latencies, 99), Max: percentile(latencies, 100), WallSeconds: wall}
}

func send(client *http.Client, url string, body, expect []byte) bool {
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	return err == nil && resp.StatusCode == http.StatusOK && bytes.Contains(got, expect)
}

// percentile of sorted values, nearest rank; NaN-free: 0 when there are none.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	k := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[max(0, min(len(sorted)-1, k))]
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
