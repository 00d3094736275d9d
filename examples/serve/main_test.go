package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/stance"
)

func testService(t testing.TB) *service {
	m, err := stance.Default()
	require.NoError(t, err)
	return newService(m, config{maxBody: 1 << 16, workers: 4, queueTimeout: 5 * time.Second})
}

const sentence = "Colombian President Gustavo Petro has called for severing Colombia's ties with NATO, accusing the bloc's leaders of supporting genocide in Gaza."

func TestEndpoints(t *testing.T) {
	h := testService(t)
	cases := []struct {
		name, method, path, ctype, body string
		code                            int
		want                            string // substring of the body
	}{
		{"analyze", "POST", "/v1/analyze", "application/json", `{"text": "` + sentence + `"}`, 200, `"canonical":"NATO"`},
		{"analyze with gazetteer", "POST", "/v1/analyze", "application/json; charset=utf-8",
			`{"text": "Petro said the alliance failed.", "gazetteer": [{"name": "NATO", "aliases": ["the alliance"]}]}`, 200, `"canonical":"NATO"`},
		{"analyze empty text", "POST", "/v1/analyze", "application/json", `{"text": ""}`, 200, `"mentions":[]`},
		{"classify", "POST", "/v1/classify", "application/json", `{"sentence": "` + sentence + `", "targets": [{"start": 79, "end": 83}]}`, 200, `"entity":"NATO"`},
		{"classify bad span", "POST", "/v1/classify", "application/json", `{"sentence": "NATO met", "targets": [{"start": 5, "end": 50}]}`, 400, "bad target span"},
		{"classify no targets", "POST", "/v1/classify", "application/json", `{"sentence": "NATO met", "targets": []}`, 400, "no targets"},
		{"classify missing end", "POST", "/v1/classify", "application/json", `{"sentence": "NATO met", "targets": [{"start": 0}]}`, 400, "required"},
		{"malformed json", "POST", "/v1/analyze", "application/json", `{"text": `, 400, "malformed JSON"},
		{"unknown field", "POST", "/v1/analyze", "application/json", `{"txt": "NATO"}`, 400, "unknown field"},
		{"trailing data", "POST", "/v1/analyze", "application/json", `{"text": "a"} {}`, 400, "after the object"},
		{"trailing bracket", "POST", "/v1/analyze", "application/json", `{"text": "a"}]`, 400, "after the object"},
		{"prefixed lower-case word", "POST", "/v1/analyze", "application/json", `{"text": "Post-war Germany rebuilt fast."}`, 200, `"entity":"Germany"`},
		{"too many names in a sentence", "POST", "/v1/analyze", "application/json", `{"text": "` + strings.Repeat("Acme, ", 600) + `and Globex met."}`, 400, "too many mentions"},
		{"invalid utf8", "POST", "/v1/analyze", "application/json", "{\"text\": \"NATO \xff\"}", 400, "not valid UTF-8"},
		{"bad gazetteer", "POST", "/v1/analyze", "application/json", `{"text": "x", "gazetteer": [{"aliases": ["y"]}]}`, 400, "gazetteer"},
		{"wrong content type", "POST", "/v1/analyze", "text/plain", `{"text": "NATO"}`, 415, "content type"},
		{"no content type", "POST", "/v1/analyze", "", `{"text": "NATO"}`, 415, "content type"},
		{"wrong method", "GET", "/v1/analyze", "", "", 405, "use POST"},
		{"too large", "POST", "/v1/analyze", "application/json", `{"text": "` + strings.Repeat("a", 1<<17) + `"}`, 413, "over"},
		{"healthz", "GET", "/healthz", "", "", 200, `"ok"`},
		{"healthz post", "POST", "/healthz", "", "", 405, "use GET"},
		{"not found", "GET", "/nope", "", "", 404, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
			if c.ctype != "" {
				req.Header.Set("Content-Type", c.ctype)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, c.code, rec.Code, rec.Body.String())
			assert.Contains(t, rec.Body.String(), c.want)
			if c.code >= 400 && c.code != 404 {
				var e errorBody
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e), "error bodies are JSON")
				assert.NotEmpty(t, e.Error)
			}
			if c.code == 405 {
				assert.NotEmpty(t, rec.Header().Get("Allow"))
			}
		})
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	assert.Contains(t, rec.Body.String(), `stancekit_requests_total{path="/v1/analyze",code="200"}`)
	assert.Contains(t, rec.Body.String(), `stancekit_request_duration_seconds_bucket{path="/v1/classify",le="+Inf"}`)
}

// TestLoad starts the service on 127.0.0.1, drives it from concurrent
// clients with a bounded mix of valid and malformed requests, and checks
// every response, that no 5xx occurs, and that goroutines and heap return
// to where they were. It logs requests/s and p50/p99 latency.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	const clients, total = 8, 2400
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	// Load the model first, so that the heap before includes it.
	_, err := stance.Default()
	require.NoError(t, err)
	goroutinesBefore := runtime.NumGoroutine()
	var msBefore runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&msBefore)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-workers", "4"}, io.Discard, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("service did not start")
	}
	base := "http://" + addr
	type reqSpec struct {
		method, path, ctype, body string
		code                      int
	}
	specs := []reqSpec{
		{"POST", "/v1/analyze", "application/json", `{"text": "` + sentence + `\n\nPetro said NATO failed again."}`, 200},
		{"POST", "/v1/classify", "application/json", `{"sentence": "` + sentence + `", "targets": [{"start": 79, "end": 83}, {"start": 20, "end": 33}]}`, 200},
		{"POST", "/v1/analyze", "application/json", `{"text": `, 400},
		{"POST", "/v1/classify", "application/json", `{"sentence": "NATO", "targets": [{"start": 3, "end": 1}]}`, 400},
		{"PUT", "/v1/analyze", "application/json", `{}`, 405},
		{"POST", "/v1/analyze", "text/plain", `hello`, 415},
		{"POST", "/v1/analyze", "application/json", `{"text": "` + strings.Repeat("b", 2<<20) + `"}`, 413},
		{"GET", "/healthz", "", "", 200},
	}
	client := &http.Client{Timeout: 30 * time.Second}
	var mu sync.Mutex
	var lat []time.Duration
	var failures []string
	var wg sync.WaitGroup
	deadline := time.Now().Add(60 * time.Second)
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			for i := c; i < total && time.Now().Before(deadline); i += clients {
				sp := specs[i%len(specs)]
				req, err := http.NewRequest(sp.method, base+sp.path, bytes.NewReader([]byte(sp.body)))
				if err != nil {
					panic(err)
				}
				if sp.ctype != "" {
					req.Header.Set("Content-Type", sp.ctype)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				d := time.Since(t0)
				msg := ""
				if err != nil {
					msg = err.Error()
				} else {
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					switch {
					case resp.StatusCode != sp.code:
						msg = fmt.Sprintf("%s %s: status %d, want %d: %.200s", sp.method, sp.path, resp.StatusCode, sp.code, b)
					case resp.StatusCode >= 400 && !json.Valid(b):
						msg = fmt.Sprintf("%s %s: error body not JSON: %.200s", sp.method, sp.path, b)
					case sp.path == "/v1/analyze" && resp.StatusCode == 200 && !bytes.Contains(b, []byte(`"canonical":"NATO"`)):
						msg = fmt.Sprintf("analyze: unexpected body %.200s", b)
					}
				}
				mu.Lock()
				lat = append(lat, d)
				if msg != "" {
					failures = append(failures, msg)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	client.CloseIdleConnections()
	cancel()
	require.NoError(t, <-done)
	require.Empty(t, failures, "first failures: %v", failures[:min(3, len(failures))])
	require.Len(t, lat, total, "all requests ran within the time bound")
	slices.Sort(lat)
	t.Logf("load: %d requests from %d clients in %v: %.0f requests/s, p50 %v, p99 %v",
		len(lat), clients, elapsed.Round(time.Millisecond), float64(len(lat))/elapsed.Seconds(),
		lat[len(lat)/2].Round(time.Microsecond), lat[len(lat)*99/100].Round(time.Microsecond))

	// No goroutine or memory growth after the run.
	var after int
	for range 50 {
		if after = runtime.NumGoroutine(); after <= goroutinesBefore+1 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	assert.LessOrEqual(t, after, goroutinesBefore+1, "goroutines leaked")
	var msAfter runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&msAfter)
	grown := int64(msAfter.HeapAlloc) - int64(msBefore.HeapAlloc)
	t.Logf("live heap before %.1f MiB, after %.1f MiB", float64(msBefore.HeapAlloc)/(1<<20), float64(msAfter.HeapAlloc)/(1<<20))
	assert.Less(t, grown, int64(4<<20), "live heap grew by %d bytes", grown)
}
