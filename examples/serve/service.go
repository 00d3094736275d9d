package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"mime"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

// service is the HTTP handler of the stance service.
type service struct {
	m        *stance.Model
	cfg      config
	admit    chan struct{} // admission slots: a POST holds one from reading its body to writing its response
	sem      chan struct{} // worker slots: a POST holds one while it is decoded and handled
	mux      *http.ServeMux
	metrics  *metrics
	draining atomic.Bool
}

// newService returns the service for a valid cfg (see run); a zero
// cfg.maxQueued means queuedPerWorker × cfg.workers.
func newService(m *stance.Model, cfg config) *service {
	if cfg.maxQueued == 0 {
		cfg.maxQueued = queuedPerWorker * cfg.workers
	}
	if cfg.logger == nil {
		cfg.logger = log.New(io.Discard, "", 0)
	}
	s := &service{m: m, cfg: cfg, admit: make(chan struct{}, cfg.maxQueued), sem: make(chan struct{}, cfg.workers),
		mux: http.NewServeMux(), metrics: newMetrics()}
	s.mux.HandleFunc("/v1/analyze", s.post(s.analyze))
	s.mux.HandleFunc("/v1/classify", s.post(s.classify))
	s.mux.HandleFunc("/healthz", s.get(s.healthz))
	s.mux.HandleFunc("/metrics", s.get(s.serveMetrics))
	s.mux.HandleFunc("/", s.notFound) // every other path
	return s
}

// ServeHTTP records every request's status and latency.
func (s *service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
	if p := r.URL.Path; p != "" && p != path.Clean(p) {
		// The mux would redirect "//v1/analyze" or "/v1/./analyze" to the
		// clean path with an empty 307; an API answers a path it does not
		// serve with its JSON 404.
		s.notFound(rec, r)
	} else {
		s.mux.ServeHTTP(rec, r)
	}
	path := r.URL.Path
	switch path {
	case "/v1/analyze", "/v1/classify", "/healthz", "/metrics":
	default:
		path = "other" // unbounded label values would grow the metrics without end
	}
	s.metrics.observe(path, rec.code, time.Since(start))
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// response is a status code and its body, encoded before anything is
// written, so that no worker waits for a slow client.
type response struct {
	code int
	body []byte
}

type errorBody struct {
	Error string `json:"error"`
}

// jsonResponse encodes v as the JSON body of a response with the code.
func jsonResponse(code int, v any) response {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only a value JSON cannot hold, such as a NaN, gets here.
		return errorResponse(http.StatusInternalServerError, "encoding the response: %v", err)
	}
	return response{code: code, body: b.Bytes()}
}

// errorResponse is a response with the JSON body {"error": "..."}.
func errorResponse(code int, format string, args ...any) response {
	b, _ := json.Marshal(errorBody{Error: fmt.Sprintf(format, args...)}) // a string always encodes
	return response{code: code, body: append(b, '\n')}
}

// reply writes a JSON response.
func (s *service) reply(w http.ResponseWriter, r *http.Request, resp response) {
	s.write(w, r, resp, "application/json")
}

// write writes resp with the content type and logs a failed write (the
// client went away, or was slower than -write-timeout): there is no one
// left to tell.
func (s *service) write(w http.ResponseWriter, r *http.Request, resp response, contentType string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(resp.body)))
	w.WriteHeader(resp.code)
	if _, err := w.Write(resp.body); err != nil {
		s.cfg.logger.Printf("%s %s from %s: writing the %d response: %v", r.Method, r.URL.Path, r.RemoteAddr, resp.code, err)
	}
}

func (s *service) notFound(w http.ResponseWriter, r *http.Request) {
	s.reply(w, r, errorResponse(http.StatusNotFound,
		"no such endpoint: %s; see the endpoints POST /v1/analyze, POST /v1/classify, GET /healthz and GET /metrics", r.URL.Path))
}

func (s *service) healthz(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		s.reply(w, r, errorResponse(http.StatusServiceUnavailable, "shutting down"))
		return
	}
	s.reply(w, r, jsonResponse(http.StatusOK, map[string]string{"status": "ok"}))
}

func (s *service) serveMetrics(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	s.metrics.render(&b) // under the metrics lock, which every request takes; so write after
	s.write(w, r, response{code: http.StatusOK, body: b.Bytes()}, "text/plain; version=0.0.4")
}

func (s *service) get(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.reply(w, r, errorResponse(http.StatusMethodNotAllowed, "method %s not allowed; use GET", r.Method))
			return
		}
		h(w, r)
	}
}

// A handler does the work of a POST endpoint on the request's body, which
// it decodes, and returns the encoded response. It runs in a worker slot.
type handler func(r *http.Request, body []byte) response

// post checks method and content type, admits the request if fewer than
// -max-queued are in progress, reads the body, waits for a worker slot,
// runs h in it and writes h's response after releasing the slot.
func (s *service) post(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			s.reply(w, r, errorResponse(http.StatusMethodNotAllowed, "method %s not allowed; use POST", r.Method))
			return
		}
		mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != "application/json" {
			s.reply(w, r, errorResponse(http.StatusUnsupportedMediaType, "content type %q not supported; send application/json", r.Header.Get("Content-Type")))
			return
		}
		// JSON is UTF-8 (RFC 8259); a body declared in another charset would
		// be read as UTF-8 all the same, and its letters misread quietly.
		if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
			s.reply(w, r, errorResponse(http.StatusUnsupportedMediaType, "charset %q not supported; send UTF-8", cs))
			return
		}
		if s.draining.Load() {
			s.reply(w, r, errorResponse(http.StatusServiceUnavailable, "shutting down"))
			return
		}
		// Admit before reading the body: bodies, and responses being
		// written, take memory only for the requests admitted.
		select {
		case s.admit <- struct{}{}:
		default:
			// Close the connection rather than let net/http read the
			// body to keep it alive.
			w.Header().Set("Connection", "close")
			s.reply(w, r, errorResponse(http.StatusServiceUnavailable, "server busy: %d requests in progress, the most it takes; retry later", s.cfg.maxQueued))
			return
		}
		defer func() { <-s.admit }()
		s.reply(w, r, s.handle(w, r, h))
	}
}

// handle reads the body of an admitted request and runs h on it in a
// worker slot.
func (s *service) handle(w http.ResponseWriter, r *http.Request, h handler) response {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			w.Header().Set("Connection", "close") // do not read the rest to keep it alive
			return errorResponse(http.StatusRequestEntityTooLarge, "request body over %d bytes", s.cfg.maxBody)
		}
		return errorResponse(http.StatusBadRequest, "reading request body: %v", err)
	}
	if s.draining.Load() { // the drain may have begun while the body was read
		return errorResponse(http.StatusServiceUnavailable, "shutting down")
	}
	if !s.acquire(r.Context()) {
		if s.cfg.queueTimeout == 0 {
			return errorResponse(http.StatusServiceUnavailable, "no free worker (-queue-timeout 0: no waiting); retry later")
		}
		return errorResponse(http.StatusServiceUnavailable, "no free worker within %v; retry later", s.cfg.queueTimeout)
	}
	defer func() { <-s.sem }()
	return h(r, body)
}

// acquire takes a worker slot: a free one at once, else the first to free
// up within -queue-timeout while ctx is not done. It reports whether it
// took one.
func (s *service) acquire(ctx context.Context) bool {
	select {
	case s.sem <- struct{}{}:
		return true
	default:
	}
	if s.cfg.queueTimeout <= 0 {
		return false
	}
	t := time.NewTimer(s.cfg.queueTimeout)
	defer t.Stop()
	select {
	case s.sem <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

// Limits on one request's work, on top of the body size.
const (
	maxMentions       = 5000 // mentions classified for one /v1/analyze
	maxGazetteerForms = 2000 // names and aliases in one request's gazetteer
	maxTargets        = 100  // targets of one /v1/classify
	// An /v1/analyze response repeats each mention's sentence and names,
	// so a long sentence with many names would make a response many times
	// the request. It may hold at most responseTextFactor × -max-body
	// bytes of such text.
	responseTextFactor = 16
)

func aliasCount(ents []features.Entity) int {
	n := 0
	for _, e := range ents {
		n += 1 + len(e.Aliases)
	}
	return n
}

type analyzeRequest struct {
	Text      *string           `json:"text"` // required
	Gazetteer []features.Entity `json:"gazetteer"`
}

type sentenceJSON struct {
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Prob  float64 `json:"prob"`
}

type entityJSON struct {
	Name           string             `json:"name"`
	Kind           string             `json:"kind,omitempty"`
	Mentions       int                `json:"mentions"`
	Counts         map[string]int     `json:"counts"`
	MeanProbs      map[string]float64 `json:"mean_probs"`
	Net            float64            `json:"net"`
	MostSupportive sentenceJSON       `json:"most_supportive"`
	MostCritical   sentenceJSON       `json:"most_critical"`
}

type analyzeResponse struct {
	Mentions []stance.Mention `json:"mentions"` // stance.Mention's JSON form
	Entities []entityJSON     `json:"entities"`
}

func probs(p [stance.NumLabels]float64) map[string]float64 {
	out := make(map[string]float64, stance.NumLabels)
	for i, l := range stance.Labels {
		out[string(l)] = p[i]
	}
	return out
}

// responseText returns the bytes of text an analysis's response repeats:
// each mention's sentence, mention, canonical name and holder, and each
// entity's name, kind and example sentences.
func responseText(a *stance.Analysis) int64 {
	var n int64
	for _, mn := range a.Mentions {
		n += int64(len(mn.Sentence) + len(mn.Text) + len(mn.Canonical) + len(mn.Holder))
	}
	for _, e := range a.Entities {
		n += int64(len(e.Name) + len(e.Kind) + len(e.MostSupportive.Text) + len(e.MostCritical.Text))
	}
	return n
}

// maxResponseText is the most text an /v1/analyze response may repeat.
func (s *service) maxResponseText() int64 {
	if s.cfg.maxBody > math.MaxInt64/responseTextFactor {
		return math.MaxInt64
	}
	return responseTextFactor * s.cfg.maxBody
}

func (s *service) analyze(r *http.Request, body []byte) response {
	var req analyzeRequest
	if err := decode(body, &req, analyzeKeys); err != nil {
		return errorResponse(http.StatusBadRequest, "%v", err)
	}
	if req.Text == nil {
		return errorResponse(http.StatusBadRequest, `missing field "text": give the text to analyze`)
	}
	// The request's context stops the work when the client goes away.
	opts := []stance.AnalyzeOption{stance.WithMaxMentions(maxMentions), stance.WithContext(r.Context())}
	if n := aliasCount(req.Gazetteer); n > maxGazetteerForms {
		return errorResponse(http.StatusBadRequest, "gazetteer: %d names and aliases; at most %d", n, maxGazetteerForms)
	}
	if len(req.Gazetteer) > 0 {
		g, err := features.NewGazetteer(req.Gazetteer)
		if err != nil {
			return errorResponse(http.StatusBadRequest, "gazetteer: %v", err)
		}
		opts = append(opts, stance.WithGazetteer(g))
	}
	a, err := s.m.Analyze(*req.Text, opts...)
	if err != nil {
		code := http.StatusBadRequest
		if r.Context().Err() != nil {
			code = http.StatusServiceUnavailable // the client is gone; nobody reads this
		}
		return errorResponse(code, "%v", err)
	}
	if n, limit := responseText(a), s.maxResponseText(); n > limit {
		return errorResponse(http.StatusUnprocessableEntity,
			"the response would repeat %d bytes of text (each of the %d mentions carries its sentence), over the limit of %d bytes (%d × the body limit); split the text into smaller requests",
			n, len(a.Mentions), limit, responseTextFactor)
	}
	resp := analyzeResponse{Mentions: a.Mentions, Entities: []entityJSON{}}
	if resp.Mentions == nil {
		resp.Mentions = []stance.Mention{}
	}
	for _, e := range a.Entities {
		counts := make(map[string]int, stance.NumLabels)
		for i, l := range stance.Labels {
			counts[string(l)] = e.Counts[i]
		}
		ref := func(r stance.SentenceRef) sentenceJSON {
			return sentenceJSON{Text: r.Text, Start: r.Span.Start, End: r.Span.End, Prob: r.Prob}
		}
		resp.Entities = append(resp.Entities, entityJSON{
			Name: e.Name, Kind: e.Kind, Mentions: e.Mentions, Counts: counts, MeanProbs: probs(e.MeanProbs),
			Net: e.Net, MostSupportive: ref(e.MostSupportive), MostCritical: ref(e.MostCritical),
		})
	}
	return jsonResponse(http.StatusOK, resp)
}

type classifyRequest struct {
	Sentence *string `json:"sentence"` // required
	Targets  []struct {
		Start *int `json:"start"`
		End   *int `json:"end"`
	} `json:"targets"`
}

type classifyResult struct {
	Start  int                `json:"start"`
	End    int                `json:"end"`
	Entity string             `json:"entity"`
	Label  stance.Label       `json:"label"`
	Probs  map[string]float64 `json:"probs"`
}

// sentenceError reports whether err from Predict is about the text rather
// than the target span.
func sentenceError(err error) bool {
	return errors.Is(err, stance.ErrEmptyText) || errors.Is(err, stance.ErrTextTooLong) || errors.Is(err, stance.ErrInvalidUTF8)
}

func (s *service) classify(r *http.Request, body []byte) response {
	var req classifyRequest
	if err := decode(body, &req, classifyKeys); err != nil {
		return errorResponse(http.StatusBadRequest, "%v", err)
	}
	if req.Sentence == nil {
		return errorResponse(http.StatusBadRequest, `missing field "sentence": give the sentence to classify`)
	}
	if len(req.Targets) == 0 {
		return errorResponse(http.StatusBadRequest, "no targets: give at least one {\"start\", \"end\"} byte span")
	}
	if len(req.Targets) > maxTargets {
		return errorResponse(http.StatusBadRequest, "%d targets; at most %d", len(req.Targets), maxTargets)
	}
	for i, t := range req.Targets {
		if t.Start == nil || t.End == nil {
			return errorResponse(http.StatusBadRequest, "target %d: start and end are required", i)
		}
	}
	sentence := *req.Sentence
	// Check the sentence once, not once per target. An empty span is
	// always bad, so Predict fails on the sentence if that is bad, and
	// else on the span, without classifying.
	if _, err := s.m.Predict(sentence, stance.Span{}); sentenceError(err) {
		return errorResponse(http.StatusBadRequest, "sentence: %v", err)
	}
	// Prepare the sentence once for all its targets.
	var prep features.Prepared
	s.m.Extractor().Prepare(&prep, sentence)
	out := struct {
		Results []classifyResult `json:"results"`
	}{}
	for i, t := range req.Targets {
		sp := stance.Span{Start: *t.Start, End: *t.End}
		p, err := s.m.PredictPrepared(&prep, sp)
		if err != nil {
			return errorResponse(http.StatusBadRequest, "target %d: %v", i, err)
		}
		out.Results = append(out.Results, classifyResult{Start: sp.Start, End: sp.End,
			Entity: sentence[sp.Start:sp.End], Label: p.Label, Probs: probs(p.Probs)})
	}
	return jsonResponse(http.StatusOK, out)
}

// metrics counts requests by path and status and keeps a latency
// histogram per path, exposed in the Prometheus text format.
type metrics struct {
	mu      sync.Mutex
	count   map[[2]string]uint64 // {path, code}
	buckets map[string]*histogram
}

var latencyBounds = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

type histogram struct {
	counts []uint64 // per bound, then +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{count: make(map[[2]string]uint64), buckets: make(map[string]*histogram)}
}

func (m *metrics) observe(path string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.count[[2]string{path, fmt.Sprint(code)}]++
	h := m.buckets[path]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBounds)+1)}
		m.buckets[path] = h
	}
	sec := d.Seconds()
	i := sort.SearchFloat64s(latencyBounds, sec)
	h.counts[i]++
	h.sum += sec
	h.n++
}

// render writes the metrics in the Prometheus text format to w, holding
// the lock that every request takes: w should be a buffer.
func (m *metrics) render(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([][2]string, 0, len(m.count))
	for k := range m.count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	fmt.Fprintln(w, "# HELP stancekit_requests_total HTTP requests by path and status code.")
	fmt.Fprintln(w, "# TYPE stancekit_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "stancekit_requests_total{path=%q,code=%q} %d\n", k[0], k[1], m.count[k])
	}
	paths := make([]string, 0, len(m.buckets))
	for p := range m.buckets {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	fmt.Fprintln(w, "# HELP stancekit_request_duration_seconds Time to handle a request.")
	fmt.Fprintln(w, "# TYPE stancekit_request_duration_seconds histogram")
	for _, p := range paths {
		h := m.buckets[p]
		var cum uint64
		for i, b := range latencyBounds {
			cum += h.counts[i]
			fmt.Fprintf(w, "stancekit_request_duration_seconds_bucket{path=%q,le=\"%g\"} %d\n", p, b, cum)
		}
		cum += h.counts[len(latencyBounds)]
		fmt.Fprintf(w, "stancekit_request_duration_seconds_bucket{path=%q,le=\"+Inf\"} %d\n", p, cum)
		fmt.Fprintf(w, "stancekit_request_duration_seconds_sum{path=%q} %g\n", p, h.sum)
		fmt.Fprintf(w, "stancekit_request_duration_seconds_count{path=%q} %d\n", p, h.n)
	}
}
