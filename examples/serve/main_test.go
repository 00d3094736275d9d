package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
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

// TestMain runs the command's main instead of the tests when
// STANCEKIT_SERVE_MAIN is 1, so that a test can run the service as a
// process of its own (see TestSecondSignal).
func TestMain(m *testing.M) {
	if os.Getenv("STANCEKIT_SERVE_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// testService returns a service with a 64 KiB body limit, 4 workers, 32
// requests admitted and a queue timeout of a minute, changed by opts.
func testService(t testing.TB, opts ...func(*config)) *service {
	m, err := stance.Default()
	require.NoError(t, err)
	cfg := config{maxBody: 1 << 16, workers: 4, maxQueued: 32, queueTimeout: time.Minute}
	for _, o := range opts {
		o(&cfg)
	}
	return newService(m, cfg)
}

const sentence = "Colombian President Gustavo Petro has called for severing Colombia's ties with NATO, accusing the bloc's leaders of supporting genocide in Gaza."

func TestEndpoints(t *testing.T) {
	h := testService(t)
	cases := []struct {
		name, method, path, ctype, body string
		code                            int
		want                            string // substring of the body, or of the error message
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
		{"latin-1 charset", "POST", "/v1/analyze", "application/json; charset=iso-8859-1", "{\"text\": \"NATO met in Z\xc3\xa9rich.\"}", 415, `charset "iso-8859-1" not supported`},
		{"utf8 charset spelled without a dash", "POST", "/v1/analyze", "application/json; charset=UTF8", `{"text": "NATO met."}`, 200, `"entity":"NATO"`},
		{"wrong method", "GET", "/v1/analyze", "", "", 405, "use POST"},
		{"too large", "POST", "/v1/analyze", "application/json", `{"text": "` + strings.Repeat("a", 1<<17) + `"}`, 413, "request body over 65536 bytes"},
		{"healthz", "GET", "/healthz", "", "", 200, `"ok"`},
		{"healthz post", "POST", "/healthz", "", "", 405, "use GET"},
		{"not found", "GET", "/nope", "", "", 404, "no such endpoint: /nope; see the endpoints POST /v1/analyze"},
		{"not found post", "POST", "/v1/analyse", "application/json", `{"text": "NATO"}`, 404, "no such endpoint: /v1/analyse"},
		{"not found trailing slash", "POST", "/v1/analyze/", "application/json", `{"text": "NATO"}`, 404, "no such endpoint"},
		{"unclean path, double slash", "POST", "//v1/analyze", "application/json", `{"text": "NATO"}`, 404, "no such endpoint: //v1/analyze"},
		{"unclean path, dot", "POST", "/v1/./analyze", "application/json", `{"text": "NATO"}`, 404, "no such endpoint"},
		{"unclean path, dot-dot", "POST", "/v1/../v1/analyze", "application/json", `{"text": "NATO"}`, 404, "no such endpoint"},

		// Strict decoding: nothing in the body is lost silently.
		{"field in upper case", "POST", "/v1/analyze", "application/json", `{"Text": "NATO failed."}`, 400, `unknown field "Text" at byte 1`},
		{"field with long s", "POST", "/v1/classify", "application/json", `{"\u017fentence": "NATO met", "targets": [{"start": 0, "end": 4}]}`, 400, `unknown field "ſentence"`},
		{"nested field in upper case", "POST", "/v1/classify", "application/json", `{"sentence": "NATO met", "targets": [{"start": 0, "END": 4}]}`, 400, `unknown field "END" at byte 50`},
		{"duplicate key", "POST", "/v1/analyze", "application/json", `{"text": "Petro praised NATO.", "text": "Petro attacked NATO."}`, 400, `duplicate key "text" at byte 32`},
		{"duplicate key escaped", "POST", "/v1/analyze", "application/json", `{"text": "NATO", "te\u0078t": "NATO"}`, 400, `duplicate key "text" at byte 17`},
		{"duplicate nested key", "POST", "/v1/analyze", "application/json", `{"text": "x", "gazetteer": [{"name": "NATO", "name": "EU"}]}`, 400, `duplicate key "name"`},
		{"same key in two objects", "POST", "/v1/analyze", "application/json", `{"text": "NATO and the EU met.", "gazetteer": [{"name": "NATO"}, {"name": "EU"}]}`, 200, `"canonical":"EU"`},
		{"lone high surrogate", "POST", "/v1/analyze", "application/json", `{"text": "NATO \ud800 met."}`, 400, `unpaired UTF-16 surrogate \ud800`},
		{"lone low surrogate", "POST", "/v1/analyze", "application/json", `{"text": "NATO \uDC00 met."}`, 400, `unpaired UTF-16 surrogate \uDC00`},
		{"reversed surrogates", "POST", "/v1/analyze", "application/json", `{"text": "\ude00\ud83d NATO"}`, 400, "at byte 10"},
		{"surrogate pair", "POST", "/v1/analyze", "application/json", `{"text": "\ud83d\ude00 NATO met."}`, 200, `"sentence":"😀 NATO met."`},
		{"escaped backslash is no escape", "POST", "/v1/analyze", "application/json", `{"text": "NATO \\ud800 met."}`, 200, `"sentence":"NATO \\ud800 met."`},
		{"analyze empty object", "POST", "/v1/analyze", "application/json", `{}`, 400, `missing field "text"`},
		{"analyze null text", "POST", "/v1/analyze", "application/json", `{"text": null}`, 400, `missing field "text"`},
		{"analyze null", "POST", "/v1/analyze", "application/json", `null`, 400, "want a JSON object, got null"},
		{"analyze array", "POST", "/v1/analyze", "application/json", `[{"text": "NATO"}]`, 400, "want a JSON object, got an array"},
		{"empty body", "POST", "/v1/analyze", "application/json", ``, 400, "empty request body"},
		{"classify missing sentence", "POST", "/v1/classify", "application/json", `{"targets": [{"start": 0, "end": 4}]}`, 400, `missing field "sentence"`},
		{"classify null", "POST", "/v1/classify", "application/json", `null`, 400, "want a JSON object"},

		// Error messages: positions, no Go type names, sentence errors once.
		{"syntax error offset", "POST", "/v1/analyze", "application/json", `{"text" "NATO"}`, 400, "malformed JSON near byte 8: invalid character"},
		{"truncated", "POST", "/v1/analyze", "application/json", `{"text": "NATO"`, 400, "malformed JSON at byte 15: unexpected end"},
		{"wrong type", "POST", "/v1/analyze", "application/json", `{"text": 5}`, 400, "malformed JSON near byte 10: field text: want a string, got number"},
		{"wrong nested type", "POST", "/v1/classify", "application/json", `{"sentence": "NATO", "targets": [{"start": "0", "end": 4}]}`, 400, "field targets.start: want an integer, got string"},
		{"fraction", "POST", "/v1/classify", "application/json", `{"sentence": "NATO", "targets": [{"start": 0.5, "end": 4}]}`, 400, "want an integer, got number 0.5"},
		{"gazetteer object", "POST", "/v1/analyze", "application/json", `{"text": "x", "gazetteer": {}}`, 400, "field gazetteer: want an array, got object"},
		{"classify empty sentence", "POST", "/v1/classify", "application/json", `{"sentence": "", "targets": [{"start": 0, "end": 1}, {"start": 0, "end": 2}]}`, 400, "sentence: stance: empty text"},

		// Limits.
		{"gazetteer forms at the limit", "POST", "/v1/analyze", "application/json", `{"text": "Acme met.", "gazetteer": [` + gazetteer(1000, 1) + `]}`, 200, `"mentions":[`},
		{"too many gazetteer forms", "POST", "/v1/analyze", "application/json", `{"text": "Acme met.", "gazetteer": [` + gazetteer(667, 3) + `]}`, 400, "gazetteer: 2001 names and aliases; at most 2000"},
		{"targets at the limit", "POST", "/v1/classify", "application/json", `{"sentence": "NATO met", "targets": [` + targets(100) + `]}`, 200, `"entity":"NATO"`},
		{"too many targets", "POST", "/v1/classify", "application/json", `{"sentence": "NATO met", "targets": [` + targets(101) + `]}`, 400, "101 targets; at most 100"},
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
			if c.code < 400 {
				assert.Contains(t, rec.Body.String(), c.want)
			} else {
				var e errorBody
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e), "error bodies are JSON")
				assert.Contains(t, e.Error, c.want)
				assert.NotContains(t, e.Error, "main.", "no Go type names")
				assert.NotContains(t, e.Error, "Go ", "no Go type names")
				assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
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

// gazetteer returns n JSON entities, each with its name and forms-1
// aliases, so n*forms names and aliases in all.
func gazetteer(n, forms int) string {
	ents := make([]string, n)
	for i := range ents {
		aliases := make([]string, forms-1)
		for j := range aliases {
			aliases[j] = fmt.Sprintf(`"Alias %d-%d"`, i, j)
		}
		ents[i] = fmt.Sprintf(`{"name": "Entity %d", "aliases": [%s]}`, i, strings.Join(aliases, ", "))
	}
	return strings.Join(ents, ", ")
}

// targets returns n JSON targets, all the span 0:4.
func targets(n int) string {
	return strings.TrimSuffix(strings.Repeat(`{"start": 0, "end": 4}, `, n), ", ")
}

// do sends one request to h and returns the recorded response.
func do(h http.Handler, method, path, ctype, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// requireError checks that rec is an error response with the code whose
// JSON body's message contains want, and returns the message.
func requireError(t *testing.T, rec *httptest.ResponseRecorder, code int, want string) string {
	t.Helper()
	require.Equal(t, code, rec.Code, rec.Body.String())
	assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	var e errorBody
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e), "error bodies are JSON")
	assert.Contains(t, e.Error, want)
	return e.Error
}

// receive returns the next value from c. The time limit only turns a
// hang, which is the failure, into a test failure; passing never waits
// for it.
func receive[T any](t *testing.T, c <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(time.Minute):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

// blockingWriter is a ResponseWriter whose Write waits for release, like
// a client that reads slowly. writing is closed when Write is first called.
type blockingWriter struct {
	*httptest.ResponseRecorder
	once             sync.Once
	writing, release chan struct{}
}

func newBlockingWriter() *blockingWriter {
	return &blockingWriter{ResponseRecorder: httptest.NewRecorder(), writing: make(chan struct{}), release: make(chan struct{})}
}

func (w *blockingWriter) Write(b []byte) (int, error) {
	w.once.Do(func() { close(w.writing) })
	<-w.release
	return w.ResponseRecorder.Write(b)
}

// serveAsync serves req on w in a goroutine; the returned channel is
// closed when it is done.
func serveAsync(h http.Handler, w http.ResponseWriter, req *http.Request) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.ServeHTTP(w, req)
	}()
	return done
}

func jsonRequest(path, body string) *http.Request {
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}

// Finding: each mention repeats its sentence, so a long sentence with
// many names made a response hundreds of times the request.
func TestResponseTextLimit(t *testing.T) {
	h := testService(t) // body limit 64 KiB, so at most 1 MiB of repeated text
	padding := strings.Repeat("the talks went on, ", 1500) + "and so on."
	// One sentence of 28.7 kB: 40 mentions repeat it 1.15 MB times, 20 mentions 0.57 MB.
	msg := requireError(t, do(h, "POST", "/v1/analyze", "application/json",
		`{"text": "`+strings.Repeat("Acme, ", 40)+padding+`"}`), http.StatusUnprocessableEntity, "split the text")
	assert.Regexp(t, `would repeat \d{7} bytes .* over the limit of 1048576 bytes`, msg)

	rec := do(h, "POST", "/v1/analyze", "application/json", `{"text": "`+strings.Repeat("Acme, ", 20)+padding+`"}`)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var resp struct {
		Mentions []struct {
			Sentence string `json:"sentence"`
		} `json:"mentions"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp))
	require.Len(t, resp.Mentions, 20)
	assert.Len(t, resp.Mentions[0].Sentence, 20*len("Acme, ")+len(padding), "the format still repeats the sentence")
}

// Finding: errors about the sentence were reported for "target 0".
func TestClassifySentenceErrors(t *testing.T) {
	h := testService(t, func(c *config) { c.maxBody = 2 << 20 })
	long := strings.Repeat("NATO met. ", stance.DefaultMaxTextBytes/10+1) // over the default model's limit
	for _, c := range []struct{ name, sentence, want string }{
		{"empty", "", "sentence: stance: empty text"},
		{"too long", long, "sentence: stance: text too long"},
	} {
		t.Run(c.name, func(t *testing.T) {
			body, err := json.Marshal(map[string]any{"sentence": c.sentence, "targets": []map[string]int{{"start": 0, "end": 4}, {"start": 5, "end": 8}}})
			require.NoError(t, err)
			msg := requireError(t, do(h, "POST", "/v1/classify", "application/json", string(body)), http.StatusBadRequest, c.want)
			assert.NotContains(t, msg, "target")
		})
	}
}

// Finding: the worker slot was released only after the response was
// written, so a slow client held a worker.
func TestSlowClientHoldsNoWorker(t *testing.T) {
	h := testService(t, func(c *config) { c.workers = 1; c.queueTimeout = 0 })
	slow := newBlockingWriter()
	done := serveAsync(h, slow, jsonRequest("/v1/analyze", `{"text": "`+sentence+`"}`))
	receive(t, slow.writing, "the response to be written")
	// The only worker is free while the slow client reads.
	rec := do(h, "POST", "/v1/classify", "application/json", `{"sentence": "NATO met.", "targets": [{"start": 0, "end": 4}]}`)
	assert.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	close(slow.release)
	receive(t, done, "the slow request to finish")
	assert.Equal(t, http.StatusOK, slow.Code)
	assert.Contains(t, slow.Body.String(), `"canonical":"NATO"`)
}

// A slow reader of /metrics must not hold the lock every request takes.
func TestSlowMetricsClient(t *testing.T) {
	h := testService(t)
	slow := newBlockingWriter()
	done := serveAsync(h, slow, httptest.NewRequest("GET", "/metrics", nil))
	receive(t, slow.writing, "the metrics to be written")
	healthz := make(chan int)
	go func() { healthz <- do(h, "GET", "/healthz", "", "").Code }()
	assert.Equal(t, http.StatusOK, receive(t, healthz, "healthz while /metrics is written"))
	close(slow.release)
	receive(t, done, "the metrics request to finish")
	assert.Contains(t, slow.Body.String(), "stancekit_requests_total")
}

// failingWriter is a ResponseWriter whose client has gone.
type failingWriter struct{ *httptest.ResponseRecorder }

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("connection reset by peer") }

func TestWriteErrorLogged(t *testing.T) {
	var logs bytes.Buffer
	h := testService(t, func(c *config) { c.logger = log.New(&logs, "", 0) })
	h.ServeHTTP(failingWriter{httptest.NewRecorder()}, jsonRequest("/v1/analyze", `{"text": "`+sentence+`"}`))
	assert.Contains(t, logs.String(), "POST /v1/analyze from 192.0.2.1:1234: writing the 200 response: connection reset by peer")
}

// Finding: with -queue-timeout 0, select chose at random between a free
// worker and the expired wait, so an idle server gave 503s half the time.
func TestQueueTimeoutZeroIdle(t *testing.T) {
	h := testService(t, func(c *config) { c.workers = 1; c.queueTimeout = 0 })
	for i := range 64 { // each would fail with probability 1/2 before
		rec := do(h, "POST", "/v1/classify", "application/json", `{"sentence": "NATO met.", "targets": [{"start": 0, "end": 4}]}`)
		require.Equal(t, http.StatusOK, rec.Code, "request %d: %s", i, rec.Body.String())
	}
}

// blockingService returns a service with an extra endpoint /test/block
// whose handler, for the body "block", signals on entered and waits for
// release, and for any other body returns at once.
func blockingService(t *testing.T, opts ...func(*config)) (s *service, entered, release chan struct{}) {
	s = testService(t, opts...)
	entered, release = make(chan struct{}), make(chan struct{})
	s.mux.HandleFunc("/test/block", s.post(func(_ *http.Request, body []byte) response {
		if string(body) == "block" {
			entered <- struct{}{}
			<-release
		}
		return jsonResponse(http.StatusOK, map[string]string{"status": "done"})
	}))
	return s, entered, release
}

func TestWorkersBoundConcurrency(t *testing.T) {
	s, entered, release := blockingService(t, func(c *config) { c.workers = 2; c.queueTimeout = 0 })
	codes := make(chan int, 2)
	for range 2 {
		go func() { codes <- do(s, "POST", "/test/block", "application/json", "block").Code }()
	}
	receive(t, entered, "the first worker")
	receive(t, entered, "the second worker")
	// Both workers are busy: a third request is not run.
	requireError(t, do(s, "POST", "/test/block", "application/json", "quick"), http.StatusServiceUnavailable, "no free worker")
	// One worker done: the next request runs.
	release <- struct{}{}
	assert.Equal(t, http.StatusOK, receive(t, codes, "a held request to finish"))
	assert.Equal(t, http.StatusOK, do(s, "POST", "/test/block", "application/json", "quick").Code)
	release <- struct{}{}
	assert.Equal(t, http.StatusOK, receive(t, codes, "the other held request to finish"))
}

func TestQueueTimeout(t *testing.T) {
	s, entered, release := blockingService(t, func(c *config) { c.workers = 1; c.queueTimeout = 10 * time.Millisecond })
	code := make(chan int, 1)
	go func() { code <- do(s, "POST", "/test/block", "application/json", "block").Code }()
	receive(t, entered, "the worker")
	// The worker stays busy until released, so the wait always times out.
	requireError(t, do(s, "POST", "/v1/analyze", "application/json", `{"text": "NATO met."}`), http.StatusServiceUnavailable, "no free worker within 10ms")
	close(release)
	assert.Equal(t, http.StatusOK, receive(t, code, "the held request to finish"))
	assert.Equal(t, http.StatusOK, do(s, "POST", "/v1/analyze", "application/json", `{"text": "NATO met."}`).Code)
}

// Finding: bodies were read before any limit on requests in progress, so
// memory for them had no bound.
func TestAdmissionLimit(t *testing.T) {
	h := testService(t, func(c *config) { c.workers = 1; c.maxQueued = 1 })
	// The first request is admitted and reading its body.
	first, done, pw := halfSent(t, h)
	// A second request is refused before its body is read, although the
	// worker is free.
	busy := do(h, "POST", "/v1/analyze", "application/json", `{"text": "NATO met."}`)
	requireError(t, busy, http.StatusServiceUnavailable, "server busy: 1 requests in progress")
	assert.Equal(t, "close", busy.Header().Get("Connection"), "the unread body is not read to keep the connection")
	_, err := io.WriteString(pw, `"NATO met."}`)
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	receive(t, done, "the first request to finish")
	assert.Equal(t, http.StatusOK, first.Code, first.Body.String())
	// Every way out of a request gives its admission back.
	for _, c := range []struct{ ctype, body string }{
		{"application/json", `{"text": `},
		{"application/json", `{"text": "` + strings.Repeat("a", 1<<17) + `"}`},
		{"text/plain", `{}`},
		{"application/json", `{"text": "NATO met."}`},
	} {
		assert.NotEqual(t, http.StatusServiceUnavailable, do(h, "POST", "/v1/analyze", c.ctype, c.body).Code)
	}
}

// halfSent starts an analyze request on h whose body arrives through a
// pipe, and returns once h has read its first half: a pipe's Write returns
// once the reader has the bytes. The caller writes the rest to pw.
func halfSent(t *testing.T, h http.Handler) (*httptest.ResponseRecorder, <-chan struct{}, *io.PipeWriter) {
	t.Helper()
	pr, pw := io.Pipe()
	req := httptest.NewRequest("POST", "/v1/analyze", pr)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	done := serveAsync(h, rec, req)
	_, err := io.WriteString(pw, `{"text": `)
	require.NoError(t, err)
	return rec, done, pw
}

func TestDraining(t *testing.T) {
	h := testService(t)
	// A drain that begins while a body is read.
	mid, done, pw := halfSent(t, h)
	h.draining.Store(true)
	_, err := io.WriteString(pw, `"NATO met."}`)
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	receive(t, done, "the request to finish")
	requireError(t, mid, http.StatusServiceUnavailable, "shutting down")

	requireError(t, do(h, "GET", "/healthz", "", ""), http.StatusServiceUnavailable, "shutting down")
	requireError(t, do(h, "POST", "/v1/analyze", "application/json", `{"text": "NATO met."}`), http.StatusServiceUnavailable, "shutting down")
	requireError(t, do(h, "POST", "/v1/classify", "application/json", `{"sentence": "NATO met.", "targets": [{"start": 0, "end": 4}]}`), http.StatusServiceUnavailable, "shutting down")
}

func TestFlags(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // a run that starts returns at once
	cases := []struct {
		name string
		args []string
		want string // substring of the error; "" for none
	}{
		{"defaults", nil, ""},
		{"no queue wait", []string{"-queue-timeout", "0"}, ""},
		{"max-queued equal to workers", []string{"-workers", "3", "-max-queued", "3"}, ""},
		{"zero workers", []string{"-workers", "0"}, "-workers 0: must be at least 1"},
		{"negative workers", []string{"-workers", "-2"}, "-workers -2: must be at least 1"},
		{"workers whose default queue overflows", []string{"-workers", "2305843009213693952"}, "-workers 2305843009213693952: too large"},
		{"zero body", []string{"-max-body", "0"}, "-max-body 0: must be at least 1"},
		{"negative body", []string{"-max-body", "-1"}, "-max-body -1: must be at least 1"},
		{"negative queue timeout", []string{"-queue-timeout", "-1s"}, "-queue-timeout -1s: must not be negative"},
		{"max-queued below workers", []string{"-workers", "4", "-max-queued", "3"}, "-max-queued 3: must be at least -workers (4)"},
		{"negative read timeout", []string{"-read-timeout", "-1s"}, "-read-timeout -1s: must not be negative"},
		{"negative write timeout", []string{"-write-timeout", "-2s"}, "-write-timeout -2s: must not be negative"},
		{"negative idle timeout", []string{"-idle-timeout", "-1ns"}, "-idle-timeout -1ns: must not be negative"},
		{"negative shutdown timeout", []string{"-shutdown-timeout", "-5s"}, "-shutdown-timeout -5s: must not be negative"},
		{"zero timeouts", []string{"-read-timeout", "0", "-write-timeout", "0", "-idle-timeout", "0"}, ""},
		{"argument after the flags", []string{"extra", "-workers", "1"}, `unexpected argument "extra"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := run(ctx, append([]string{"-addr", "127.0.0.1:0"}, c.args...), io.Discard, nil)
			if c.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
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
