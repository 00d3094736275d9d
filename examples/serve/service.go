package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/stance"
)

// service is the HTTP handler of the stance service.
type service struct {
	m        *stance.Model
	cfg      config
	sem      chan struct{} // worker slots
	mux      *http.ServeMux
	metrics  *metrics
	draining atomic.Bool
}

func newService(m *stance.Model, cfg config) *service {
	s := &service{m: m, cfg: cfg, sem: make(chan struct{}, cfg.workers), mux: http.NewServeMux(), metrics: newMetrics()}
	s.mux.HandleFunc("/v1/analyze", s.post(s.analyze))
	s.mux.HandleFunc("/v1/classify", s.post(s.classify))
	s.mux.HandleFunc("/healthz", s.get(func(w http.ResponseWriter, r *http.Request) {
		if s.draining.Load() {
			writeError(w, http.StatusServiceUnavailable, "shutting down")
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	}))
	s.mux.HandleFunc("/metrics", s.get(s.metrics.serve))
	return s
}

// ServeHTTP records every request's status and latency.
func (s *service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
	s.mux.ServeHTTP(rec, r)
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

func (s *service) get(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method %s not allowed; use GET", r.Method)
			return
		}
		h(w, r)
	}
}

// post checks method, content type and size, decodes the JSON body into
// the handler's request type and waits for a worker slot.
func (s *service) post(h func(w http.ResponseWriter, r *http.Request, body []byte)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			writeError(w, http.StatusMethodNotAllowed, "method %s not allowed; use POST", r.Method)
			return
		}
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, "content type %q not supported; send application/json", r.Header.Get("Content-Type"))
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.maxBody))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writeError(w, http.StatusRequestEntityTooLarge, "request body over %d bytes", s.cfg.maxBody)
				return
			}
			writeError(w, http.StatusBadRequest, "reading request body: %v", err)
			return
		}
		if s.draining.Load() {
			writeError(w, http.StatusServiceUnavailable, "shutting down")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.queueTimeout)
		defer cancel()
		select {
		case s.sem <- struct{}{}:
		case <-ctx.Done():
			writeError(w, http.StatusServiceUnavailable, "no free worker within %v", s.cfg.queueTimeout)
			return
		}
		defer func() { <-s.sem }()
		h(w, r, body)
	}
}

// decode parses a JSON body strictly: unknown fields and trailing data are
// errors, so that typos do not pass silently.
func decode(body []byte, v any) error {
	if !utf8.Valid(body) {
		// encoding/json would replace the bad bytes silently.
		return errors.New("request body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("malformed JSON: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("malformed JSON: data after the object")
	}
	return nil
}

// Limits on one request's work, on top of the body size.
const (
	maxMentions       = 5000 // mentions classified for one /v1/analyze
	maxGazetteerForms = 2000 // names and aliases in one request's gazetteer
	maxTargets        = 100  // targets of one /v1/classify
)

func aliasCount(ents []features.Entity) int {
	n := 0
	for _, e := range ents {
		n += 1 + len(e.Aliases)
	}
	return n
}

type analyzeRequest struct {
	Text      string            `json:"text"`
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

func (s *service) analyze(w http.ResponseWriter, r *http.Request, body []byte) {
	var req analyzeRequest
	if err := decode(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	// The request's context stops the work when the client goes away.
	opts := []stance.AnalyzeOption{stance.WithMaxMentions(maxMentions), stance.WithContext(r.Context())}
	if n := aliasCount(req.Gazetteer); n > maxGazetteerForms {
		writeError(w, http.StatusBadRequest, "gazetteer: %d names and aliases; at most %d", n, maxGazetteerForms)
		return
	}
	if len(req.Gazetteer) > 0 {
		g, err := features.NewGazetteer(req.Gazetteer)
		if err != nil {
			writeError(w, http.StatusBadRequest, "gazetteer: %v", err)
			return
		}
		opts = append(opts, stance.WithGazetteer(g))
	}
	a, err := s.m.Analyze(req.Text, opts...)
	if err != nil {
		code := http.StatusBadRequest
		if r.Context().Err() != nil {
			code = http.StatusServiceUnavailable // the client is gone; nobody reads this
		}
		writeError(w, code, "%v", err)
		return
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
	writeJSON(w, http.StatusOK, resp)
}

type classifyRequest struct {
	Sentence string `json:"sentence"`
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

func (s *service) classify(w http.ResponseWriter, r *http.Request, body []byte) {
	var req classifyRequest
	if err := decode(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	if len(req.Targets) == 0 {
		writeError(w, http.StatusBadRequest, "no targets: give at least one {\"start\", \"end\"} byte span")
		return
	}
	if len(req.Targets) > maxTargets {
		writeError(w, http.StatusBadRequest, "%d targets; at most %d", len(req.Targets), maxTargets)
		return
	}
	out := struct {
		Results []classifyResult `json:"results"`
	}{}
	for i, t := range req.Targets {
		if t.Start == nil || t.End == nil {
			writeError(w, http.StatusBadRequest, "target %d: start and end are required", i)
			return
		}
	}
	// Prepare the sentence once for all its targets.
	var prep features.Prepared
	s.m.Extractor().Prepare(&prep, req.Sentence)
	for i, t := range req.Targets {
		sp := stance.Span{Start: *t.Start, End: *t.End}
		p, err := s.m.PredictPrepared(&prep, sp)
		if err != nil {
			writeError(w, http.StatusBadRequest, "target %d: %v", i, err)
			return
		}
		out.Results = append(out.Results, classifyResult{Start: sp.Start, End: sp.End,
			Entity: req.Sentence[sp.Start:sp.End], Label: p.Label, Probs: probs(p.Probs)})
	}
	writeJSON(w, http.StatusOK, out)
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

func (m *metrics) serve(w http.ResponseWriter, _ *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
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
