// Command serve is a small HTTP JSON service around a stancekit model.
//
//	go run ./examples/serve -addr 127.0.0.1:8080 [-model PATH]
//
// Endpoints:
//
//	POST /v1/analyze   {"text": "...", "gazetteer": [{"name": "NATO", "aliases": ["the alliance"]}]}
//	POST /v1/classify  {"sentence": "...", "targets": [{"start": 14, "end": 18}]}
//	GET  /healthz      {"status": "ok"}
//	GET  /metrics      request counts and latency histograms, Prometheus text format
//
// Errors are JSON bodies {"error": "..."}: 400 for malformed JSON or bad
// input, 405 for a wrong method, 413 for a body over -max-body, 415 for a
// content type other than application/json, 503 when the service is
// shutting down or a request waited too long for a free worker. At most
// -workers requests are classified at once; the others wait. SIGINT or
// SIGTERM stops accepting connections and lets requests in flight finish.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/stancekit/stancekit/internal/modelflag"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr, nil); err != nil && !errors.Is(err, flag.ErrHelp) { // -h printed the usage
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

// config holds the service settings.
type config struct {
	maxBody      int64
	workers      int
	queueTimeout time.Duration
}

// run starts the service and blocks until ctx is done, then shuts down
// gracefully. If ready is not nil, the listening address is sent on it
// once the service accepts connections.
func run(ctx context.Context, args []string, logw io.Writer, ready chan<- string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(logw)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	modelPath := fs.String("model", modelflag.Default, modelflag.Usage)
	maxBody := fs.Int64("max-body", 1<<20, "largest request body in bytes")
	workers := fs.Int("workers", 2*runtime.GOMAXPROCS(0), "requests classified at once")
	queue := fs.Duration("queue-timeout", 5*time.Second, "longest wait for a free worker before 503")
	readTimeout := fs.Duration("read-timeout", 10*time.Second, "time to read a request")
	writeTimeout := fs.Duration("write-timeout", 30*time.Second, "time to handle and write a response")
	idleTimeout := fs.Duration("idle-timeout", 60*time.Second, "keep-alive idle time")
	grace := fs.Duration("shutdown-timeout", 20*time.Second, "time allowed for requests in flight at shutdown")
	if err := fs.Parse(args); err != nil {
		return err
	}
	m, err := modelflag.Load(*modelPath)
	if err != nil {
		return err
	}
	logger := log.New(logw, "serve: ", log.LstdFlags)
	nworkers := max(*workers, 1)
	h := newService(m, config{maxBody: *maxBody, workers: nworkers, queueTimeout: *queue})
	srv := &http.Server{
		Handler:           h,
		ReadTimeout:       *readTimeout,
		ReadHeaderTimeout: *readTimeout,
		WriteTimeout:      *writeTimeout,
		IdleTimeout:       *idleTimeout,
		ErrorLog:          logger,
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	logger.Printf("listening on %s (%d workers, body limit %d bytes)", ln.Addr(), nworkers, *maxBody)
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Printf("shutting down; waiting up to %v for requests in flight", *grace)
	h.draining.Store(true)
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Printf("stopped")
	return nil
}

// writeJSON writes v with the status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client may have gone; nothing to do about it
}

type errorBody struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, errorBody{Error: fmt.Sprintf(format, args...)})
}
