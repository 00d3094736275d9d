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
// Request bodies are read strictly: a body is one JSON object whose keys
// are spelled exactly as above (all lower case) and appear at most once
// per object, whose strings hold no unpaired UTF-16 surrogate escape
// ("\ud800"), and which has "text" (analyze) or "sentence" (classify).
//
// Errors are JSON bodies {"error": "..."}: 400 for malformed JSON or bad
// input, 404 for an unknown path (an unclean one such as "//v1/analyze"
// included), 405 for a wrong method, 413 for a body over -max-body, 415
// for a content type other than application/json or a charset other than
// UTF-8, 422
// when an analysis would repeat more than 16 × -max-body bytes of text in
// its response (each mention carries its sentence; split the text into
// smaller requests), and 503 when the service is shutting down, is full
// or has no free worker in time.
//
// Load is bounded twice. At most -max-queued requests (default 8 ×
// -workers) are admitted at once, counted from before their body is read
// until their response is written, so memory for bodies and responses is
// bounded; a request beyond that gets 503 at once. Of those, at most
// -workers are decoded and classified at once; the others wait up to
// -queue-timeout for a worker (0: no waiting) and then get 503. A worker is
// released before the response is written, so a slow client does not hold
// one.
//
// SIGINT or SIGTERM stops accepting connections and lets requests in
// flight finish within -shutdown-timeout; a second signal during that time
// kills the process at once.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
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
	// Once the first signal has started the shutdown, restore the default
	// handling, so that a second signal kills the process.
	context.AfterFunc(ctx, stop)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr, nil); err != nil && !errors.Is(err, flag.ErrHelp) { // -h printed the usage
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

// config holds the service settings.
type config struct {
	maxBody      int64
	workers      int           // requests decoded and classified at once
	maxQueued    int           // requests admitted at once; at least workers
	queueTimeout time.Duration // longest wait for a worker; 0 means none
	logger       *log.Logger   // nil discards
}

// queuedPerWorker is the default of -max-queued as a multiple of -workers.
const queuedPerWorker = 8

// run starts the service and blocks until ctx is done, then shuts down
// gracefully. If ready is not nil, the listening address is sent on it
// once the service accepts connections.
func run(ctx context.Context, args []string, logw io.Writer, ready chan<- string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(logw)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	modelPath := fs.String("model", modelflag.Default, modelflag.Usage)
	maxBody := fs.Int64("max-body", 1<<20, "largest request body in bytes (at least 1)")
	workers := fs.Int("workers", 2*runtime.GOMAXPROCS(0), "requests decoded and classified at once (at least 1)")
	maxQueued := fs.Int("max-queued", 0, "requests admitted at once, from reading the body to writing the response; beyond it 503 at once (0 means 8 × -workers)")
	queue := fs.Duration("queue-timeout", 5*time.Second, "longest wait for a free worker before 503; 0 means no waiting: 503 when no worker is free")
	readTimeout := fs.Duration("read-timeout", 10*time.Second, "time to read a request (0: no limit)")
	writeTimeout := fs.Duration("write-timeout", 30*time.Second, "time to handle and write a response (0: no limit)")
	idleTimeout := fs.Duration("idle-timeout", 60*time.Second, "keep-alive idle time (0: the read timeout)")
	grace := fs.Duration("shutdown-timeout", 20*time.Second, "time allowed for requests in flight at shutdown; a second signal stops at once")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 { // flag stops at the first argument: the flags after it would be lost
		return fmt.Errorf("unexpected argument %q (flags go before any argument)", fs.Arg(0))
	}
	if *maxQueued == 0 {
		if *workers > math.MaxInt/queuedPerWorker {
			return fmt.Errorf("-workers %d: too large for the default -max-queued of %d × -workers (at most %d)", *workers, queuedPerWorker, math.MaxInt/queuedPerWorker)
		}
		*maxQueued = queuedPerWorker * *workers
	}
	switch {
	case *maxBody < 1:
		return fmt.Errorf("-max-body %d: must be at least 1 byte", *maxBody)
	case *workers < 1:
		return fmt.Errorf("-workers %d: must be at least 1", *workers)
	case *maxQueued < *workers:
		return fmt.Errorf("-max-queued %d: must be at least -workers (%d), or 0 for %d × -workers", *maxQueued, *workers, queuedPerWorker)
	case *queue < 0:
		return fmt.Errorf("-queue-timeout %v: must not be negative (0 means no waiting)", *queue)
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"read-timeout", *readTimeout}, {"write-timeout", *writeTimeout}, {"idle-timeout", *idleTimeout}, {"shutdown-timeout", *grace}} {
		if d.v < 0 { // net/http would take it as no timeout at all
			return fmt.Errorf("-%s %v: must not be negative", d.name, d.v)
		}
	}
	m, err := modelflag.Load(*modelPath, modelflag.Given(fs, "model"))
	if err != nil {
		return err
	}
	logger := log.New(logw, "serve: ", log.LstdFlags)
	h := newService(m, config{maxBody: *maxBody, workers: *workers, maxQueued: *maxQueued, queueTimeout: *queue, logger: logger})
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
	logger.Printf("listening on %s (%d workers, %d requests admitted, body limit %d bytes)", ln.Addr(), *workers, *maxQueued, *maxBody)
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
	logger.Printf("shutting down; waiting up to %v for requests in flight (a second signal stops at once)", *grace)
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
